// SPDX-License-Identifier: MIT
// jemalloc's settings for the cxf program, read when it starts (the MALLOC_CONF variable still
// overrides them).
#ifdef CXF_JEMALLOC
// Pages free for half a second go back to the system, instead of after jemalloc's default 10 s: a
// conversion frees the parse of its input while it builds the model, and memory the model's vectors
// outgrew, which stayed resident beside what came next. Peak RSS is 7–10 % lower for the same CPU
// (docs/benchmarks.md).
extern "C" {
const char* malloc_conf = "dirty_decay_ms:500";
}
#endif
