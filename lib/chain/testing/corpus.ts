/**
 * A bridge kept only because bench/bids-row.bench.ts, which another change is splitting, imports it. Test data lives
 * in test/data and is read through test/support/ (test/support/corpus.ts: corpusFile). Delete this file as soon as
 * that bench imports test/support instead: nothing else may use it.
 */
import { TEST_DATA_DIR } from "@/test/support/test-data";

export const sharedDir = (): string => TEST_DATA_DIR;
