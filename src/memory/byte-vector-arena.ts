/**
 * One WebAssembly memory per process for the compact vectors of every
 * agent (`QuantisedVectors`), and a SIMD dot product over them: 16 bytes of
 * a stored vector per instruction against a 16-bit copy of the query,
 * about 0.04 µs per 384-dimension vector where plain JavaScript takes
 * 0.45 µs. One shared memory, not one per agent: each WebAssembly memory
 * reserves gigabytes of address space, which a thousand agents would exhaust.
 * It holds at most 4 GB: about ten million 384-dimension vectors per process.
 */

/** The module, hand-assembled: `dots(query, offsets, count, stride, out)`, see `dotProducts`. */
const MODULE = Uint8Array.from([
  // magic, version 1
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  // types: (i32 i32 i32 i32 i32) -> ()
  0x01, 0x09, 0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00,
  // imports: env.memory, at least one page
  0x02, 0x0f, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x01,
  // functions: one of type 0; exports: "dots"
  0x03, 0x02, 0x01, 0x00, 0x07, 0x08, 0x01, 0x04, 0x64, 0x6f, 0x74, 0x73, 0x00, 0x00,
  // code: one body; locals j p k (i32), sum a b (v128), q (i32)
  0x0a, 0xaf, 0x01, 0x01, 0xac, 0x01, 0x03, 0x03, 0x7f, 0x03, 0x7b, 0x01, 0x7f,
  // for (j = 0; j < count; j++) { p = offsets[j]; sum = 0;
  0x02, 0x40, 0x03, 0x40, 0x20, 0x05, 0x20, 0x02, 0x4f, 0x0d, 0x01, 0x20, 0x01, 0x20, 0x05, 0x41, 0x02, 0x74, 0x6a,
  0x28, 0x02, 0x00, 0x21, 0x06, 0x41, 0x00, 0xfd, 0x11, 0x21, 0x08, 0x41, 0x00, 0x21, 0x07,
  //   for (k = 0; k < stride; k += 16) {
  0x02, 0x40, 0x03, 0x40, 0x20, 0x07, 0x20, 0x03, 0x4f, 0x0d, 0x01,
  //     q = query + 2k; a = load(q); b = load(p + k)
  0x20, 0x00, 0x20, 0x07, 0x41, 0x01, 0x74, 0x6a, 0x21, 0x0b, 0x20, 0x0b, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x09, 0x20,
  0x06, 0x20, 0x07, 0x6a, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x0a,
  //     sum += dot(a, extend_low(b)) + dot(load(q + 16), extend_high(b))
  0x20, 0x08, 0x20, 0x09, 0x20, 0x0a, 0xfd, 0x87, 0x01, 0xfd, 0xba, 0x01, 0xfd, 0xae, 0x01, 0x20, 0x0b, 0xfd, 0x00,
  0x00, 0x10, 0x20, 0x0a, 0xfd, 0x88, 0x01, 0xfd, 0xba, 0x01, 0xfd, 0xae, 0x01, 0x21, 0x08, 0x20, 0x07, 0x41, 0x10,
  0x6a, 0x21, 0x07, 0x0c, 0x00, 0x0b, 0x0b,
  //   } out[j] = sum of sum's four lanes }
  0x20, 0x04, 0x20, 0x05, 0x41, 0x02, 0x74, 0x6a, 0x20, 0x08, 0xfd, 0x1b, 0x00, 0x20, 0x08, 0xfd, 0x1b, 0x01, 0x6a,
  0x20, 0x08, 0xfd, 0x1b, 0x02, 0x6a, 0x20, 0x08, 0xfd, 0x1b, 0x03, 0x6a, 0x36, 0x02, 0x00, 0x20, 0x05, 0x41, 0x01,
  0x6a, 0x21, 0x05, 0x0c, 0x00, 0x0b, 0x0b, 0x0b,
]);

/** The part of the WebAssembly API used here: the project's types (Node's, without the DOM's) do not declare it. */
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer; grow(pages: number): number };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const PAGE = 65_536;
/** Vectors per call: the offsets and results of one call fill the first bytes of the memory. */
export const DOT_BATCH = 512;
const OFFSETS = 0;
const RESULTS = DOT_BATCH * 4;
const RESERVED = DOT_BATCH * 8;

type Dots = (query: number, offsets: number, count: number, stride: number, out: number) => void;

/** The process's arena: bump-allocated regions of one WebAssembly memory, never freed (blocks are reused by their owner). */
class ByteVectorArena {
  private readonly memory = new wasm.Memory({ initial: 1 });
  private readonly dots: Dots;
  private used = RESERVED;
  private words = new Int32Array(this.memory.buffer);
  private bytes = new Int8Array(this.memory.buffer);
  private halves = new Int16Array(this.memory.buffer);

  constructor() {
    const instance = new wasm.Instance(new wasm.Module(MODULE), { env: { memory: this.memory } });
    this.dots = instance.exports.dots as Dots;
  }

  /** A zeroed region of `size` bytes, 16-byte aligned; returns its offset. */
  allocate(size: number): number {
    const offset = this.used;
    this.used += Math.ceil(size / 16) * 16;
    const held = this.memory.buffer.byteLength;
    const missing = this.used - held;
    if (missing > 0) {
      // Doubling: a grow costs milliseconds whatever its size, and pages never written take no memory.
      this.memory.grow(Math.max(Math.ceil(missing / PAGE), held / PAGE));
      this.words = new Int32Array(this.memory.buffer);
      this.bytes = new Int8Array(this.memory.buffer);
      this.halves = new Int16Array(this.memory.buffer);
    }
    return offset;
  }

  /** The memory as bytes (a new view after the memory grows: do not keep it across `allocate`). */
  get int8(): Int8Array {
    return this.bytes;
  }

  /** The memory as 16-bit numbers, for queries. */
  get int16(): Int16Array {
    return this.halves;
  }

  /**
   * The dot products of the 16-bit query at `query` with the byte vectors at
   * `offsets[from..from+count)` (count at most `DOT_BATCH`), each `stride`
   * bytes (a multiple of 16), into `out[from..]`.
   */
  dotProducts(query: number, offsets: Int32Array, from: number, count: number, stride: number, out: Int32Array): void {
    this.words.set(offsets.subarray(from, from + count), OFFSETS / 4);
    this.dots(query, OFFSETS, count, stride, RESULTS);
    out.set(this.words.subarray(RESULTS / 4, RESULTS / 4 + count), from);
  }
}

let arena: ByteVectorArena | undefined;

/** The process's arena, made on first use. */
export function byteVectorArena(): ByteVectorArena {
  arena ??= new ByteVectorArena();
  return arena;
}
