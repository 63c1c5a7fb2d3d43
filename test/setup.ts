/**
 * Every property-based test in the suite runs under one fixed seed (MOF2TS_FUZZ_SEED, see
 * test/fuzz/config.ts), so a CI failure reproduces exactly; change the seed to explore further.
 */
import fc from "fast-check";
import { fuzzSeed } from "./fuzz/config.js";

fc.configureGlobal({ seed: fuzzSeed });
