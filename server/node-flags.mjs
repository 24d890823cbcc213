// The Node flags the server process starts with. Every launcher forks server/dist/main.js with
// these: scripts/start.mjs (behind `pnpm start`), the bench, and both test harnesses. They size
// the heap, which V8 fixes when the process starts, so main.ts cannot set them itself.
//
// --max-semi-space-size=32: the young generation's two halves at 32 MB instead of 16. Under load
// every in-flight request (32 at a time in bench B1, each waiting for its group commit) is still
// alive at a scavenge, so a small young generation copies those objects again and again and
// promotes them to the old generation. Measured under B1, four alternating runs each: median
// 1,603 → 1,849 requests/s and 0.78 → 0.60 ms of server CPU per request; peak RSS under B1 and B3
// rises by about 30 MB (bench B6 keeps it under 300 MB).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
