/**
 * mof2ts runtime helpers, re-exported in one place. Each module is also usable on its own.
 */
export * from "./datetime.js";
export * from "./reference.js";
export * from "./value-map.js";
export * from "./decode.js";
