// SPDX-License-Identifier: MIT
// The C API (cxf/cxf.h) over the C++ one: handles own C++ objects, and no exception crosses into C.
#include "cxf/cxf.h"

#include <algorithm>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "cxf/formats/registry.h"
#include "cxf/api/library.h"
#include "cxf/pipeline/convert.h"
#include "cxf/pipeline/exit_codes.h"
#include "cxf/pipeline/report_json.h"
#include "cxf/validate/validate.h"

struct cxf_error {
    cxf_status status;
    std::string message;
};

struct cxf_options {
    const cxf::Format* from = nullptr;
    const cxf::Format* to = nullptr;
    unsigned flags = 0;
    std::optional<cxf::crypto::Secret> password, output_password;
    std::optional<cxf::Input> key_file, output_key_file;
};

struct cxf_vault {
    cxf::Vault vault;
    const cxf::Format* format = nullptr;
    std::vector<cxf::Item*> items;  // across the accounts, in order
    mutable std::string text;       // the last string handed out (a const vault hands out too)
};

struct cxf_result {
    std::size_t losses = 0;
    std::string report_json;
};

namespace {

using namespace cxf;

cxf_status status_of(ExitCode code) noexcept { return static_cast<cxf_status>(code); }

int fail(cxf_error** error, cxf_status status, std::string message) {
    if (error) *error = new (std::nothrow) cxf_error{status, std::move(message)};
    return status;
}

// Runs `body`, turning every exception into a status and an error: nothing may unwind into C.
template <typename Body>
int guarded(cxf_error** error, Body&& body) noexcept {
    try {
        body();
        return CXF_OK;
    } catch (const Error& e) {
        return fail(error, status_of(exit_code_for(e.code())), e.describe());
    } catch (const std::bad_alloc&) {
        return fail(error, CXF_INVALID_INPUT, "out of memory");
    } catch (const std::exception& e) {
        return fail(error, CXF_INVALID_INPUT, std::string("internal error: ") + e.what());
    }
}

PasswordProvider provider(const std::optional<crypto::Secret>& password) {
    if (!password) return nullptr;
    auto copy = std::make_shared<crypto::Secret>(password->clone());
    return [copy] { return copy->clone(); };
}

ReadOptions read_options(const cxf_options* o) {
    ReadOptions read;
    if (!o) return read;
    read.password = provider(o->password);
    if (o->key_file) read.key_file = Input{o->key_file->name, o->key_file->bytes};
    return read;
}

WriteOptions write_options(const cxf_options* o, const Format& to) {
    WriteOptions write;
    if (!o) return write;
    write.password = provider(o->output_password);
    if (o->output_key_file) write.key_file = Input{o->output_key_file->name, o->output_key_file->bytes};
    // An output password given to Bitwarden means a password-protected export, as on the command line.
    write.bitwarden.encrypt = o->output_password && to.output_password == OutputPassword::optional;
    return write;
}

const Format* output_format(const cxf_options* o, const std::string& path) {
    if (o && o->to) return o->to;
    return format_for_path(path);
}

int set_format(const Format*& slot, const char* id, cxf_error** error) {
    if (!id) {
        slot = nullptr;
        return CXF_OK;
    }
    const Format* format = find_format(id);
    if (!format) return fail(error, CXF_USAGE, std::string("unknown format '") + id + "' (see cxf formats)");
    slot = format;
    return CXF_OK;
}

Input key_file_input(const unsigned char* bytes, std::size_t length, const char* name) {
    return Input{name, crypto::SecureBytes(bytes, bytes + length)};
}

void index_items(cxf_vault& v) {
    v.items.clear();
    for (Account& account : v.vault.accounts)
        for (Item& item : account.items) v.items.push_back(&item);
}

const char* hand_out(const cxf_vault* vault, std::string_view text) {
    vault->text.assign(text);
    return vault->text.c_str();
}

// Collections link items by id: a removed item leaves no link behind.
void unlink_item(std::vector<Collection>& collections, const Id& id) {
    for (Collection& c : collections) {
        std::erase_if(c.items, [&](const LinkedItem& link) { return !link.account && link.item == id; });
        unlink_item(c.sub_collections, id);
    }
}

bool valid_index(const cxf_vault* vault, std::size_t item) { return vault && item < vault->items.size(); }

int read_into(Loaded&& loaded, cxf_vault** vault) {
    auto v = std::make_unique<cxf_vault>();
    v->vault = std::move(loaded.vault);
    v->format = loaded.format;
    index_items(*v);
    *vault = v.release();
    return CXF_OK;
}

}  // namespace

extern "C" {

const char* cxf_version(void) { return CXF_VERSION; }

const char* cxf_format_id(size_t index) {
    const auto all = formats();
    return index < all.size() ? all[index].id.data() : nullptr;
}
int cxf_format_reads(const char* id) {
    const Format* f = id ? find_format(id) : nullptr;
    return f && f->read ? 1 : 0;
}
int cxf_format_writes(const char* id) {
    const Format* f = id ? find_format(id) : nullptr;
    return f && f->write ? 1 : 0;
}

cxf_status cxf_error_status(const cxf_error* error) { return error ? error->status : CXF_OK; }
const char* cxf_error_message(const cxf_error* error) { return error ? error->message.c_str() : ""; }
void cxf_error_free(cxf_error* error) { delete error; }

cxf_options* cxf_options_new(void) { return new (std::nothrow) cxf_options; }
void cxf_options_free(cxf_options* options) { delete options; }
int cxf_options_set_from(cxf_options* o, const char* id, cxf_error** error) {
    return o ? set_format(o->from, id, error) : fail(error, CXF_USAGE, "no options");
}
int cxf_options_set_to(cxf_options* o, const char* id, cxf_error** error) {
    return o ? set_format(o->to, id, error) : fail(error, CXF_USAGE, "no options");
}
void cxf_options_set_flags(cxf_options* o, unsigned flags) {
    if (o) o->flags = flags;
}
void cxf_options_set_password(cxf_options* o, const char* password, size_t length) {
    if (o) o->password.emplace(std::string_view(password, password ? length : 0));
}
void cxf_options_set_output_password(cxf_options* o, const char* password, size_t length) {
    if (o) o->output_password.emplace(std::string_view(password, password ? length : 0));
}
void cxf_options_set_key_file(cxf_options* o, const unsigned char* bytes, size_t length) {
    if (o && bytes) o->key_file = key_file_input(bytes, length, "key file");
}
void cxf_options_set_output_key_file(cxf_options* o, const unsigned char* bytes, size_t length) {
    if (o && bytes) o->output_key_file = key_file_input(bytes, length, "output key file");
}

int cxf_convert(const char* input, const char* output, const cxf_options* o, cxf_result** result) {
    if (result) *result = nullptr;
    if (!input) return CXF_USAGE;
    try {
        ConvertOptions options;
        options.input = input;
        options.output = output ? output : "-";
        options.dry_run = !output || (o && (o->flags & CXF_DRY_RUN));
        options.overwrite = o && (o->flags & CXF_FORCE);
        options.strict = o && (o->flags & CXF_STRICT);
        options.from = o ? o->from : nullptr;
        options.to = output_format(o, options.output);
        options.read = read_options(o);
        if (options.to) options.write = write_options(o, *options.to);
        const Conversion c = convert(std::move(options));
        const ExitCode code = exit_code(c);
        if (result) *result = new cxf_result{c.report.count(NoticeKind::lost), report_json(c, code, option_in_backquotes)};
        return status_of(code);
    } catch (const std::exception&) {
        return CXF_INVALID_INPUT;
    }
}
size_t cxf_result_loss_count(const cxf_result* result) { return result ? result->losses : 0; }
const char* cxf_result_report_json(const cxf_result* result) { return result ? result->report_json.c_str() : ""; }
void cxf_result_free(cxf_result* result) { delete result; }

int cxf_read_file(const char* path, const cxf_options* o, cxf_vault** vault, cxf_error** error) {
    if (!path || !vault) return fail(error, CXF_USAGE, "no path or no place for the vault");
    *vault = nullptr;
    return guarded(error, [&] { read_into(load_file(path, read_options(o), o ? o->from : nullptr), vault); });
}

int cxf_read_buffer(const char* name, const unsigned char* bytes, size_t length, const cxf_options* o, cxf_vault** vault,
                    cxf_error** error) {
    if (!vault || (!bytes && length > 0)) return fail(error, CXF_USAGE, "no bytes or no place for the vault");
    *vault = nullptr;
    return guarded(error, [&] {
        const Input input{name ? name : "buffer", crypto::SecureBytes(bytes, bytes + length)};
        read_into(load(input, read_options(o), o ? o->from : nullptr), vault);
    });
}

const char* cxf_vault_format(const cxf_vault* vault) { return vault && vault->format ? vault->format->id.data() : ""; }
void cxf_vault_free(cxf_vault* vault) { delete vault; }

size_t cxf_vault_item_count(const cxf_vault* vault) { return vault ? vault->items.size() : 0; }
const char* cxf_item_title(const cxf_vault* vault, size_t item) {
    return valid_index(vault, item) ? hand_out(vault, vault->items[item]->title) : nullptr;
}
int cxf_item_set_title(cxf_vault* vault, size_t item, const char* title, cxf_error** error) {
    if (!valid_index(vault, item) || !title) return fail(error, CXF_USAGE, "no such item, or no title");
    return guarded(error, [&] { vault->items[item]->title = title; });
}
size_t cxf_item_credential_count(const cxf_vault* vault, size_t item) {
    return valid_index(vault, item) ? vault->items[item]->credentials.size() : 0;
}
const char* cxf_item_credential_type(const cxf_vault* vault, size_t item, size_t credential) {
    if (!valid_index(vault, item) || credential >= vault->items[item]->credentials.size()) return nullptr;
    return hand_out(vault, credential_type(vault->items[item]->credentials[credential]));
}
int cxf_vault_remove_item(cxf_vault* vault, size_t item, cxf_error** error) {
    if (!valid_index(vault, item)) return fail(error, CXF_USAGE, "no such item");
    return guarded(error, [&] {
        const Item* removed = vault->items[item];
        for (Account& account : vault->vault.accounts) {
            const auto at = std::find_if(account.items.begin(), account.items.end(), [&](const Item& i) { return &i == removed; });
            if (at == account.items.end()) continue;
            const Id id = at->id;
            account.items.erase(at);
            unlink_item(account.collections, id);
        }
        index_items(*vault);
    });
}

int cxf_vault_validate(const cxf_vault* vault, cxf_error** error) {
    if (!vault) return fail(error, CXF_USAGE, "no vault");
    Report report;
    const int status = guarded(error, [&] { validate(vault->vault, report); });
    if (status != CXF_OK) return status;
    if (const Notice* first = report.first_error()) return fail(error, CXF_INVALID_INPUT, first->place + ": " + first->message);
    return CXF_OK;
}

int cxf_write_file(const cxf_vault* vault, const char* path, const cxf_options* o, size_t* losses, cxf_error** error) {
    if (losses) *losses = 0;
    if (!vault || !path) return fail(error, CXF_USAGE, "no vault or no path");
    const Format* to = output_format(o, path);
    if (!to) return fail(error, CXF_USAGE, std::string(path) + ": no output format: set one with cxf_options_set_to");
    const bool strict = o && (o->flags & CXF_STRICT);
    bool refused = false;
    const int status = guarded(error, [&] {
        const Report report = save_file(vault->vault, path, *to, write_options(o, *to), {o && (o->flags & CXF_FORCE), strict});
        if (losses) *losses = report.count(NoticeKind::lost);
        refused = strict && report.has_losses();
    });
    if (status == CXF_OK && refused)
        return fail(error, CXF_LOSSES_REFUSED, std::string(path) + ": not written: " + std::string(to->id) + " cannot carry everything");
    return status;
}

}  // extern "C"
