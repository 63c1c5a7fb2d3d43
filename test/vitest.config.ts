import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Lives in test/ so the repository's top level stays as the design fixes it.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
