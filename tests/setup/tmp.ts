/**
 * Setup of every test file (vitest.config.ts `setupFiles`): its temp folders go under one root,
 * removed after the file's tests (tests/tmpRoot.ts).
 */
import { afterAll } from "vitest";
import { useTestTmp } from "../tmpRoot.ts";

const fileTmp = useTestTmp();
afterAll(() => fileTmp.release());
