// SPDX-License-Identifier: MIT
#include "cxf/pipeline/merge_files.h"

#include <algorithm>

#include "cxf/pipeline/run.h"

namespace cxf {

Conversion merge_files(MergeOptions o) {
    Conversion started;
    for (const std::string& input : o.inputs) started.inputs.push_back({input, {}, std::nullopt});
    return pipeline::run(o, o.inputs, std::move(started), [&o](Conversion& c) {
        if (o.inputs.empty()) throw Error(Errc::usage, {}, "nothing to merge: no input");
        if (std::count(o.inputs.begin(), o.inputs.end(), "-") > 1)
            throw Error(Errc::usage, {}, "standard input (-) can be only one of the inputs");
        std::vector<MergeSource> sources;
        for (InputRead& input : c.inputs) {
            ReadOptions read;
            read.limits = o.limits;
            const auto prepare = [&](const Format& from, ReadOptions& options) {
                if (o.prepare_read) o.prepare_read(input.file, from, options);
            };
            Vault vault = pipeline::read_one(input.file, nullptr, read, prepare, c.report, input.format);
            input.counts = count(vault);
            sources.push_back({input.file, std::move(vault)});
        }
        if (o.on_read) o.on_read(c);
        Merged merged = merge(std::move(sources), c.report);
        c.merge = MergeFindings{std::move(merged.duplicates), std::move(merged.conflicts)};
        c.counts = count(merged.vault);
        return std::move(merged.vault);
    });
}

}  // namespace cxf
