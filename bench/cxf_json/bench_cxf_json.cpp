// SPDX-License-Identifier: MIT
// Times reading and writing one CXF document, phase by phase, and reports peak memory.
// usage: bench_cxf_json FILE.cxf
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/io/file.h"
#include "cxf/io/output.h"
#include "cxf/model/counts.h"
#include "cxf/validate/validate.h"

namespace {

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

template <typename F>
double seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE.cxf\n", argv[0]);
        return 2;
    }
    cxf::Input input;
    const double t_load = seconds([&] { input = cxf::io::read_input(argv[1], {}); });
    const double mib = static_cast<double>(input.bytes.size()) / (1 << 20);
    const double rss_loaded = peak_rss_mib();

    cxf::Report report;
    cxf::Vault vault;
    const double t_read = seconds([&] { vault = cxf::cxf_json::read(cxf::as_text(input.bytes), input.name, {}, report); });
    const double rss_read = peak_rss_mib();
    input.bytes = {};  // the CLI holds the input no longer than this either

    const double t_validate = seconds([&] { cxf::validate(vault, report); });
    const double rss_validated = peak_rss_mib();
    // Written the way `cxf convert` writes: streamed into a temp file that is committed at the end.
    const std::string out_path = std::string(argv[1]) + ".bench-out";
    const double t_write = seconds([&] {
        cxf::io::AtomicFile out(out_path, true);
        cxf::cxf_json::write(vault, out, {}, report);
        out.commit();
    });
    const double out_mib = static_cast<double>(std::filesystem::file_size(out_path)) / (1 << 20);
    std::filesystem::remove(out_path);

    std::printf("file            %.1f MiB, %zu items\n", mib, cxf::count(vault).items);
    std::printf("load file       %.3f s\n", t_load);
    std::printf("read (parse+map)%.3f s  %.0f MiB/s\n", t_read, mib / t_read);
    std::printf("validate        %.3f s\n", t_validate);
    std::printf("write           %.3f s  %.0f MiB/s (%.1f MiB out)\n", t_write, out_mib / t_write, out_mib);
    std::printf("read+write      %.3f s  %.0f MiB/s of input\n", t_read + t_write, mib / (t_read + t_write));
    std::printf("peak RSS        %.0f MiB = %.2f x file (after load %.0f, read %.0f, validate %.0f)\n", peak_rss_mib(),
                peak_rss_mib() / mib, rss_loaded, rss_read, rss_validated);
    return 0;
}
