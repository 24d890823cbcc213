// The Node flags the server process starts with. Every launcher forks server/dist/main.js with
// these: scripts/start.mjs (behind `pnpm start`), the bench, and both test harnesses. They size
// the heap, which V8 fixes when the process starts, so main.ts cannot set them itself.
//
// --max-semi-space-size=16: the young generation's two halves at 16 MB. Under load every
// in-flight request (32 at a time in bench B1, each waiting for its group commit) is still alive
// at a scavenge; while recordUsage went through Express and Apollo, 32 MB halves measured better
// (B1 median 1,603 → 1,849 requests/s). On the hot path (core/http/hot-operations.ts) a request
// allocates far less and goes through faster, and 32 MB halves only raised peak RSS: bench
// B1, B8, B2, B3 with B6 (`node bench/run.mjs --only=B1,B8,B2,B3,B6`), one run each, peak RSS
// 326 and 333 MB at 32 against 281 MB at 16 (B6's target is 300 MB), B1 4,517 and 4,864
// requests/s at 32 against 4,845 at 16.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];
