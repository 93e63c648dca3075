// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/plain.h"

#include <algorithm>

#include "cxf/kdbx/map/names.h"
#include "cxf/kdbx/map/passkey.h"
#include "cxf/kdbx/map/totp.h"
#include "cxf/otp/otpauth.h"

namespace cxf::kdbx_map {

namespace {

Field text_field(FieldType type, std::string_view value) { return value.empty() ? nullptr : make_field(type, value); }

// Whether cxf writes these parts for this TOTP anyway (then nothing needs keeping).
bool fresh_spelling(const std::vector<TotpPart>& parts, const Totp& totp) {
    if (parts.size() != 1 || parts.front().key != otp_key) return false;
    const auto rendered = render_parts(parts, totp);
    return rendered && rendered->front().value == otp::to_uri(totp);
}

}  // namespace

void add_slots(std::vector<StringSlot>& slots, const std::vector<kdbx::StringField>& fields) {
    for (const kdbx::StringField& f : fields) slots.push_back({f.key, f.protect});
}

PlainReading read_plain(StringTable& strings) {
    PlainReading r;
    BasicAuth auth;
    if (const auto i = strings.take(user_name_key)) auth.username = text_field(FieldType::string, strings.at(*i).value.view());
    if (const auto i = strings.take(password_key))
        auth.password = text_field(FieldType::concealed_string, strings.at(*i).value.view());
    if (auth.username || auth.password) r.credentials.emplace_back(std::move(auth));

    std::string problem;
    if (auto passkey = read_passkey(strings, problem)) {
        add_slots(r.written, passkey_attributes(passkey->passkey, passkey->spelling));
        r.passkey = std::move(passkey->spelling);
        r.credentials.emplace_back(std::move(passkey->passkey));
    } else if (!problem.empty()) {
        r.problems.push_back(std::move(problem));
    }

    if (auto totp = read_totp(strings, r.problems)) {
        const auto rendered = totp->parts.empty() ? std::nullopt : render_parts(totp->parts, totp->totp);
        if (rendered) add_slots(r.written, *rendered);
        else r.written.push_back({std::string(otp_key), true});
        if (!fresh_spelling(totp->parts, totp->totp)) r.totp_parts = std::move(totp->parts);
        r.credentials.emplace_back(std::move(totp->totp));
    }
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const std::string_view key = strings.at(i).key;
        if (!strings.used(i) && key.substr(0, hmac_otp_prefix.size()) == hmac_otp_prefix) {
            r.problems.push_back("HOTP attributes kept as custom fields: CXF has no HOTP");
            break;
        }
    }

    if (const auto i = strings.take(notes_key); i && !strings.at(*i).value.empty()) {
        Note note;
        note.content = make_field(FieldType::string, strings.at(*i).value.view());
        r.credentials.emplace_back(std::move(note));
    }

    CustomFields custom;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        if (strings.used(i)) continue;
        const kdbx::StringField& s = strings.at(i);
        if (std::find(std::begin(standard_keys), std::end(standard_keys), s.key) != std::end(standard_keys)) continue;
        EditableField f(s.protect ? FieldType::concealed_string : FieldType::string, s.value.view());
        f.label = s.key;
        custom.fields.push_back(std::move(f));
        r.written.push_back({s.key, s.protect});
        strings.use(i);
    }
    if (!custom.fields.empty()) r.credentials.emplace_back(std::move(custom));
    return r;
}

bool standard_protect(const kdbx::Meta& meta, std::string_view key) noexcept {
    const kdbx::MemoryProtection& p = meta.memory_protection;
    if (key == title_key) return p.title;
    if (key == user_name_key) return p.user_name;
    if (key == password_key) return p.password;
    if (key == url_key) return p.url;
    if (key == notes_key) return p.notes;
    return false;
}

kdbx::Entry entry_members(const kdbx::Entry& e) {
    kdbx::Entry m;
    m.uuid = e.uuid;
    m.icon_id = e.icon_id;
    m.custom_icon = e.custom_icon;
    m.foreground_color = e.foreground_color;
    m.background_color = e.background_color;
    m.override_url = e.override_url;
    m.quality_check = e.quality_check;
    m.tags = e.tags;
    m.previous_parent_group = e.previous_parent_group;
    m.times = e.times;
    m.auto_type = e.auto_type;
    m.custom_data = e.custom_data;
    m.unknown = e.unknown;
    return m;
}

}  // namespace cxf::kdbx_map
