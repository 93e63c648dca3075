// SPDX-License-Identifier: MIT
// Bytes handed from one thread to another, in order, so that two stages of a stream run on two
// cores: decrypting and inflating a KDBX payload while its XML is parsed, or writing XML while what
// came before is deflated, encrypted and written out.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "cxf/io/output.h"
#include "cxf/secret.h"

namespace cxf::io {

// Which Output call wrote a piece: a stage that compresses treats the three differently.
enum class Hint : std::uint8_t { none, incompressible, without_repeats };

// A few pieces of wiped memory between a writing thread and a reading one. The writer waits while
// `pieces_ahead` full pieces wait to be read, so memory stays bounded whatever the stream's size.
class Relay final : public Output {
public:
    // Thrown by write() once the reader has stopped: it unwinds the writer, whose work is no longer wanted.
    struct Stopped {};

    struct Piece {
        ByteView bytes;  // empty at the end
        Hint hint = Hint::none;
    };

    Relay(std::size_t piece_bytes, std::size_t pieces_ahead);
    Relay(const Relay&) = delete;
    Relay& operator=(const Relay&) = delete;

    // The writing side.
    void write(ByteView bytes) override { put(bytes, Hint::none); }
    void write_incompressible(ByteView bytes) override { put(bytes, Hint::incompressible); }
    void write_without_repeats(ByteView bytes) override { put(bytes, Hint::without_repeats); }
    // No more bytes: what is written is handed over, then the end, or `error` in its place.
    void close(std::exception_ptr error = nullptr);

    // The reading side: the next piece, valid until the next call. A writer's error is rethrown where
    // it happened, once every byte before it has been read.
    Piece next();
    // Either side gives up: the writer's next write throws Stopped, and next() ends.
    void stop() noexcept;

private:
    struct Full {
        crypto::SecureBytes bytes;
        Hint hint;
    };

    void put(ByteView bytes, Hint hint);
    void hand_over(std::unique_lock<std::mutex>& lock);

    const std::size_t piece_bytes_, pieces_ahead_;
    crypto::SecureBytes filling_;  // the writer's
    Hint filling_hint_ = Hint::none;
    crypto::SecureBytes reading_;  // the reader's
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Full> full_;
    std::vector<crypto::SecureBytes> spare_;  // read pieces, their memory kept for the writer
    bool closed_ = false, stopped_ = false;
    std::exception_ptr error_;
};

// Runs `produce` on a second thread, writing into an Output, while `consume` takes what it writes,
// in order, on this one; on one core, both run here in turn. Errors are what running them one after
// the other would raise: `consume`'s, which stops `produce`, or else `produce`'s, once `consume` has
// had every byte written before it.
void produce_ahead(const std::function<void(Output&)>& produce, const std::function<void(ByteView)>& consume);

// Pulls `source` on a second thread, a few pieces ahead of next() on this one: a zip entry is
// inflated and checked while its JSON is parsed. On one core, next() pulls `source` itself.
// `source`'s error is raised by next() where it happened, once every byte before it has been read.
class ReadAhead {
public:
    explicit ReadAhead(std::function<ByteView()> source);
    ~ReadAhead();  // stops the second thread, if it is still pulling, and waits for it
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // The next piece, valid until the next call; empty at the end.
    ByteView next();

private:
    std::function<ByteView()> source_;
    std::unique_ptr<Relay> relay_;  // none on one core
    std::thread puller_;
};

// Runs `produce` on this thread while what it writes goes on into `out`, with its hints, on a second
// one; on one core, `produce` writes into `out` itself. `out`'s error (a full disk) stops `produce`
// and is the one raised; `produce`'s own error is raised once `out` has stopped.
void write_behind(const std::function<void(Output&)>& produce, Output& out);

}  // namespace cxf::io
