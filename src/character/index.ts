/**
 * Characters: Troupe's normalised `Character` schema and the loaders that
 * produce it from every supported file dialect — elizaOS 0.x and 1.x character
 * files (with `extends`), Troupe's own additions (capabilities, connectors,
 * memory, model), and Tavern character cards v2 as JSON or PNG. Loading
 * resolves `${VAR}` in settings and secrets, keeps unknown keys with a warning,
 * and reports every problem of a file as `<file>: <json path>: <expected>, got
 * <found>` in a `CharacterFileError`. The runtime and the CLI read characters
 * only through this module.
 */
export * from "./character.js";
export { CharacterExistsError } from "./character-exists-error.js";
export { CharacterFileError } from "./character-file-error.js";
export { CharacterNotFoundError } from "./character-not-found-error.js";
export { type CharacterFileCheck, checkCharacterFile, type LoadCharacterOptions } from "./check-character-file.js";
export { findCharacter } from "./find-character.js";
export { isInside } from "./is-inside.js";
export { listCharacterFiles } from "./list-character-files.js";
export { type LoadedCharacter, loadCharacter } from "./load-character.js";
export { type OperatorPolicy, readOperatorPolicy } from "./operator-policy.js";
