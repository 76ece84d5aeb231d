/** Thrown for text that is not a well-formed expression; the message says where it went wrong. */
export class ExpressionError extends Error {}

const FUNCTIONS: Record<string, (x: number) => number> = {
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  abs: Math.abs,
  round: Math.round,
  floor: Math.floor,
  ceil: Math.ceil,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  ln: Math.log,
  log: Math.log10,
  log2: Math.log2,
  exp: Math.exp,
};
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };

type Token = { kind: "number"; value: number } | { kind: "name"; value: string } | { kind: "op"; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|([a-z_][a-z0-9_]*)|(\*\*|[-+*/^%()!,]))/giy;
  let index = 0;
  while (index < source.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) {
      if (source.slice(index).trim() === "") break;
      throw new ExpressionError(`unexpected "${source.slice(index).trim()[0]}" at position ${index + 1}`);
    }
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: "name", value: match[2].toLowerCase() });
    else tokens.push({ kind: "op", value: match[3] === "**" ? "^" : (match[3] as string) });
  }
  return tokens;
}

/**
 * Evaluates an arithmetic expression with a recursive-descent parser (no
 * `eval`): `+ - * / % ^` (`**` too) with the usual precedence, `^`
 * right-associative, unary minus, postfix `!`, parentheses, implicit
 * multiplication (`2pi`, `3(4+1)`), the constants pi, e, tau and functions
 * such as sqrt, sin, ln, log, round. Throws `ExpressionError`.
 *
 * @example evaluate("2 * (3 + 4)^2") // 98
 */
export function evaluate(source: string): number {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const isOp = (value: string) => {
    const token = peek();
    return token?.kind === "op" && token.value === value;
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new ExpressionError(`expected "${value}"`);
    position++;
  };

  // sum := product (("+" | "-") product)*
  const sum = (): number => {
    let value = product();
    while (isOp("+") || isOp("-")) {
      const op = (tokens[position++] as Token).value;
      value = op === "+" ? value + product() : value - product();
    }
    return value;
  };
  // product := unary (("*" | "/" | "%") unary | implicit unary)*
  const product = (): number => {
    let value = unary();
    for (;;) {
      if (isOp("*") || isOp("/") || isOp("%")) {
        const op = (tokens[position++] as Token).value;
        const right = unary();
        if (op === "/" && right === 0) throw new ExpressionError("division by zero");
        value = op === "*" ? value * right : op === "/" ? value / right : value % right;
      } else if (peek()?.kind === "number" || peek()?.kind === "name" || isOp("(")) {
        value *= unary();
      } else return value;
    }
  };
  // unary := ("-" | "+") unary | power
  const unary = (): number => {
    if (isOp("-")) {
      position++;
      return -unary();
    }
    if (isOp("+")) {
      position++;
      return unary();
    }
    return power();
  };
  // power := postfix ("^" unary)?   (right-associative; -2^2 is -(2^2))
  const power = (): number => {
    const base = postfix();
    if (!isOp("^")) return base;
    position++;
    return base ** unary();
  };
  // postfix := primary "!"*
  const postfix = (): number => {
    let value = primary();
    while (isOp("!")) {
      position++;
      value = factorial(value);
    }
    return value;
  };
  // primary := number | constant | function primary | "(" sum ")"
  const primary = (): number => {
    const token = peek();
    if (!token) throw new ExpressionError("the expression ends too early");
    position++;
    if (token.kind === "number") return token.value;
    if (token.kind === "name") {
      const fn = FUNCTIONS[token.value];
      if (fn) return fn(isOp("(") ? primary() : postfix());
      const constant = CONSTANTS[token.value];
      if (constant !== undefined) return constant;
      throw new ExpressionError(`unknown name "${token.value}"`);
    }
    if (token.value === "(") {
      const value = sum();
      expect(")");
      return value;
    }
    throw new ExpressionError(`unexpected "${token.value}"`);
  };

  if (tokens.length === 0) throw new ExpressionError("there is no expression");
  const value = sum();
  if (position < tokens.length) throw new ExpressionError(`unexpected "${(tokens[position] as Token).value}"`);
  if (!Number.isFinite(value)) throw new ExpressionError("the result is not a finite number");
  return value;
}

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 170) throw new ExpressionError("factorial needs a whole number 0-170");
  let result = 1;
  for (let i = 2; i <= n; i++) result *= i;
  return result;
}
