import { test as base } from "@playwright/test";

export { expect, type Page } from "@playwright/test";

/**
 * The suite's test object. Every test reaches the server from 127.0.0.1: the server decides the
 * client's address from the connection (X-Forwarded-For is not trusted), so no test may rely on
 * spoofing that header, and the tests that fail sign-ins on purpose stay under the per-address
 * limit together.
 */
export const test = base;
