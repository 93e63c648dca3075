// SPDX-License-Identifier: MIT
// No plaintext on disk: while `cxf convert` encrypts to .cxp or decrypts one into KDBX, every file that
// appears in the output folder is opened as soon as inotify reports it and held open, so even a temp
// file that is later renamed or deleted can be read; each is read again after every event (in case
// something were overwritten) and once more at the end. None may ever contain the input's secrets.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "cxf/crypto/hash.h"
#include "cxf/formats/registry.h"
#include "tests/cli/cli_run.h"
#include "tests/cxp_archive/support.h"

using namespace cxf;
using namespace test::cxp_archive;
using test::list_dir;
using test::run_cxf;

namespace {

const std::string password_marker = "pw-marker-4c1d9e7b-never-on-disk";
const std::string attachment_marker = "attachment-marker-8a2f61d0-never-on-disk";
const std::vector<std::string> secrets{password_marker, attachment_marker};
using Files = std::vector<std::string>;

// Which files created in one folder while it is watched ever held one of the markers.
class FolderWatch {
public:
    FolderWatch(std::string folder, std::vector<std::string> markers)
        : folder_(std::move(folder)), markers_(std::move(markers)) {
        std::filesystem::create_directories(folder_);
        inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        REQUIRE(inotify_ >= 0);
        REQUIRE(::inotify_add_watch(inotify_, folder_.c_str(), IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO) >= 0);
    }
    ~FolderWatch() {
        for (const auto& [name, fd] : held_) ::close(fd);
        ::close(inotify_);
    }
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;

    // Opens every file that appears, until `done` and once more after.
    void watch_until(const std::atomic<bool>& done) {
        while (!done) {
            pollfd p{inotify_, POLLIN, 0};
            if (::poll(&p, 1, 5) > 0) drain();
        }
        drain();
    }

    // The names of the files that ever held `marker`.
    Files containing(const std::string& marker) const {
        Files out;
        for (const auto& [name, found] : hits_)
            if (found == marker) out.push_back(name);
        return out;
    }
    std::size_t files_seen() const { return held_.size(); }
    std::size_t events() const { return events_; }

private:
    void drain() {
        alignas(inotify_event) char buffer[16 * 1024];
        for (;;) {
            const ssize_t n = ::read(inotify_, buffer, sizeof buffer);
            if (n <= 0) break;
            for (ssize_t at = 0; at < n;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
                ++events_;
                if (event->len > 0) hold(event->name);
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
        for (const auto& [name, fd] : held_) {
            const std::string now = content(fd);
            for (const std::string& marker : markers_)
                if (now.find(marker) != std::string::npos) hits_.insert({name, marker});
        }
    }

    // Opened once per name: the descriptor keeps the file readable after a rename or an unlink.
    void hold(const std::string& name) {
        for (const auto& entry : held_)
            if (entry.first == name) return;
        const int fd = ::open((folder_ + "/" + name).c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) held_.emplace_back(name, fd);
    }

    static std::string content(int fd) {
        std::string out;
        char buffer[64 * 1024];
        for (off_t at = 0;;) {
            const ssize_t n = ::pread(fd, buffer, sizeof buffer, at);
            if (n <= 0) return out;
            out.append(buffer, static_cast<std::size_t>(n));
            at += n;
        }
    }

    std::string folder_;
    std::vector<std::string> markers_;
    std::set<std::pair<std::string, std::string>> hits_;  // (file, marker)
    int inotify_ = -1;
    std::vector<std::pair<std::string, int>> held_;
    std::size_t events_ = 0;
};

// `cxf convert <args>` run while `watch` watches.
int convert_watched(FolderWatch& watch, const test::TempDir& dir, const std::string& args, const std::string& env = "") {
    std::atomic<bool> done = false;
    int exit_code = -1;
    std::thread worker([&] {
        exit_code = run_cxf(dir, "convert " + args, "/dev/null", env).exit_code;
        done = true;
    });
    watch.watch_until(done);
    worker.join();
    return exit_code;
}

// A plain CXF archive (so the attachment has bytes): the kitchen sink plus many logins, one of them
// holding the password marker.
void write_plain_input(const test::TempDir& dir) {
    Vault v = sink_with_bytes();
    for (int i = 0; i < 2000; ++i) {
        Item copy;
        copy.id = {static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i), 0xC0};
        copy.title = "login " + std::to_string(i);
        BasicAuth auth;
        auth.password = make_field(FieldType::concealed_string,
                                   i == 1234 ? password_marker : "password-" + std::to_string(i));
        copy.credentials.emplace_back(std::move(auth));
        v.accounts[0].items.push_back(std::move(copy));
    }
    File attachment;
    attachment.id = {'m', 'a', 'r', 'k'};
    attachment.name = "secret.txt";
    attachment.data = crypto::SecureBytes(attachment_marker.begin(), attachment_marker.end());
    attachment.decrypted_size = attachment_marker.size();
    const crypto::SecureBytes hash = crypto::sha256({*attachment.data});
    attachment.integrity_hash.assign(hash.begin(), hash.end());
    v.accounts[0].items[1].credentials.emplace_back(std::move(attachment));
    Report report;
    io::MemoryOutput out;
    find_format("cxf-archive")->write(v, out, {}, report);
    save(dir.path("plain.cxf.zip"), out.bytes());
}

}  // namespace

TEST_CASE("no plaintext reaches the disk while encrypting to .cxp and decrypting it to KDBX", "[cxp-archive][cli]") {
    const test::TempDir dir;
    write_plain_input(dir);
    REQUIRE(run_cxf(dir, "cxp keygen key.pem request.json").exit_code == 0);
    const std::string kdbx_options =
        "--out-password-env OUTPW --kdbx-kdf argon2id --kdbx-memory-mib 1 --kdbx-iterations 1 --kdbx-compression none";

    SECTION("the watch sees plaintext, even in a temp file that is deleted (the controls)") {
        FolderWatch written(dir.path("plain"), secrets);
        CHECK(convert_watched(written, dir, "plain.cxf.zip plain/out.cxf") == 0);
        // The temp file and, after the rename, the same file under its name.
        const Files seen = written.containing(password_marker);
        CHECK(std::find(seen.begin(), seen.end(), "out.cxf") != seen.end());

        // The temp file of a refused output lives only while it is written: on a busy machine the
        // watch may open it too late, so this control gets a few tries to catch one.
        bool caught = false;
        for (int attempt = 0; attempt < 8 && !caught; ++attempt) {
            FolderWatch refused(dir.path("refused-" + std::to_string(attempt)), secrets);
            CHECK(convert_watched(refused, dir, "plain.cxf.zip refused-" + std::to_string(attempt) + "/out.cxf --strict") == 4);
            CHECK(list_dir(dir.path("refused-" + std::to_string(attempt))).empty());
            if (refused.files_seen() == 0) continue;
            caught = true;
            CHECK(refused.containing(password_marker).size() == 1);
        }
        CHECK(caught);
    }

    SECTION("encrypting to .cxp, then decrypting it to KDBX") {
        FolderWatch encrypted(dir.path("cxp"), secrets);
        CHECK(convert_watched(encrypted, dir, "plain.cxf.zip cxp/out.cxp --recipient request.json") == 0);
        CHECK(encrypted.files_seen() >= 1);
        CHECK(encrypted.events() >= 2);
        CHECK(encrypted.containing(password_marker).empty());
        CHECK(encrypted.containing(attachment_marker).empty());
        CHECK(list_dir(dir.path("cxp")) == Files{"out.cxp"});

        FolderWatch decrypted(dir.path("kdbx"), secrets);
        CHECK(convert_watched(decrypted, dir, "cxp/out.cxp kdbx/out.kdbx --identity key.pem " + kdbx_options,
                              "OUTPW=kdbx-output-password") == 0);
        CHECK(decrypted.files_seen() >= 1);
        CHECK(decrypted.containing(password_marker).empty());
        CHECK(decrypted.containing(attachment_marker).empty());
        CHECK(list_dir(dir.path("kdbx")) == Files{"out.kdbx"});

        // The markers did go through: they are in the KDBX, encrypted.
        const auto back = run_cxf(dir, "convert kdbx/out.kdbx back.cxf.zip --password-env OUTPW", "/dev/null",
                                  "OUTPW=kdbx-output-password");
        REQUIRE(back.exit_code == 0);
        Report report;
        const Vault v = find_format("cxf-archive")->read(io::read_input(dir.path("back.cxf.zip"), {}), {}, report);
        bool password_found = false, attachment_found = false;
        for (const Item& item : v.accounts[0].items)
            for (const Credential& c : item.credentials) {
                if (const auto* auth = std::get_if<BasicAuth>(&c))
                    password_found |= auth->password && auth->password->value.view() == password_marker;
                if (const auto* file = std::get_if<File>(&c))
                    attachment_found |= file->data && text(*file->data) == attachment_marker;
            }
        CHECK(password_found);
        CHECK(attachment_found);
    }
}
