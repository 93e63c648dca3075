/* SPDX-License-Identifier: MIT
 * libcxf's C API: read a password-manager export in any supported format, look at and edit its items,
 * and write it in another format, or convert a file in one call. For C and for bindings (Python
 * ctypes/cffi, Swift, Kotlin/JNI, Rust, Go).
 *
 * Handles are opaque and owned by the caller, who frees each with its _free function (NULL is
 * accepted). Strings are UTF-8 and NUL-terminated; a string a handle returns lives as long as the
 * handle and is not changed until the next call on it. Passwords and key files are passed as
 * (pointer, length): the library copies them into memory it wipes when released, so the caller may
 * wipe its own copy at once. No function prints anything or exits.
 *
 * Functions returning int return a cxf_status: the same numbers as the cxf program's exit codes.
 * On failure, *error (when error is not NULL) receives a cxf_error to read and free; it names the file
 * and the place, never a secret value. The API is stable within a major version (docs/library.md). */
#ifndef CXF_CXF_H
#define CXF_CXF_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CXF_C_API __attribute__((visibility("default")))

typedef enum cxf_status {
    CXF_OK = 0,
    CXF_INVALID_INPUT = 1,   /* invalid, damaged, unsupported or over a limit */
    CXF_USAGE = 2,           /* a bad argument, or a needed password or key was not given */
    CXF_WRONG_PASSWORD = 3,  /* wrong password or key file */
    CXF_LOSSES_REFUSED = 4,  /* CXF_STRICT: the output could not hold everything; nothing written */
    CXF_IO = 5               /* a file cannot be read or written, or the output exists (no CXF_FORCE) */
} cxf_status;

typedef struct cxf_error cxf_error;
typedef struct cxf_options cxf_options;
typedef struct cxf_vault cxf_vault;
typedef struct cxf_result cxf_result;

/* The library's version, e.g. "0.1.0". */
CXF_C_API const char* cxf_version(void);

/* The formats, by index from 0: NULL past the last. Ids are those of `cxf formats`. */
CXF_C_API const char* cxf_format_id(size_t index);
CXF_C_API int cxf_format_reads(const char* id);   /* 1 or 0 */
CXF_C_API int cxf_format_writes(const char* id);  /* 1 or 0 */

/* Errors. */
CXF_C_API cxf_status cxf_error_status(const cxf_error* error);
CXF_C_API const char* cxf_error_message(const cxf_error* error); /* "FILE: PLACE: what is wrong" */
CXF_C_API void cxf_error_free(cxf_error* error);

/* Options for reading, writing and converting. Unset, a format is detected from the input's content
 * (from) or taken from the output name's extension (to). */
enum {
    CXF_FORCE = 1,    /* replace an existing output */
    CXF_STRICT = 2,   /* write nothing when anything would be lost */
    CXF_DRY_RUN = 4   /* do everything but write the output */
};
CXF_C_API cxf_options* cxf_options_new(void);
CXF_C_API void cxf_options_free(cxf_options* options);
CXF_C_API int cxf_options_set_from(cxf_options* options, const char* format_id, cxf_error** error);
CXF_C_API int cxf_options_set_to(cxf_options* options, const char* format_id, cxf_error** error);
CXF_C_API void cxf_options_set_flags(cxf_options* options, unsigned flags);
CXF_C_API void cxf_options_set_password(cxf_options* options, const char* password, size_t length);
CXF_C_API void cxf_options_set_output_password(cxf_options* options, const char* password, size_t length);
CXF_C_API void cxf_options_set_key_file(cxf_options* options, const unsigned char* bytes, size_t length);
CXF_C_API void cxf_options_set_output_key_file(cxf_options* options, const unsigned char* bytes, size_t length);

/* One call: read `input`, write `output` (NULL for a dry run), as `cxf convert` does. Returns the
 * status; *result (when result is not NULL) receives the run's report even when it failed. */
CXF_C_API int cxf_convert(const char* input, const char* output, const cxf_options* options, cxf_result** result);
CXF_C_API size_t cxf_result_loss_count(const cxf_result* result);
CXF_C_API const char* cxf_result_report_json(const cxf_result* result); /* the --report JSON (docs/cli.md) */
CXF_C_API void cxf_result_free(cxf_result* result);

/* A vault in memory. */
CXF_C_API int cxf_read_file(const char* path, const cxf_options* options, cxf_vault** vault, cxf_error** error);
CXF_C_API int cxf_read_buffer(const char* name, const unsigned char* bytes, size_t length, const cxf_options* options,
                              cxf_vault** vault, cxf_error** error);
CXF_C_API const char* cxf_vault_format(const cxf_vault* vault); /* the format it was read as */
CXF_C_API void cxf_vault_free(cxf_vault* vault);

/* Items, numbered from 0 across the vault's accounts. */
CXF_C_API size_t cxf_vault_item_count(const cxf_vault* vault);
CXF_C_API const char* cxf_item_title(const cxf_vault* vault, size_t item);
CXF_C_API int cxf_item_set_title(cxf_vault* vault, size_t item, const char* title, cxf_error** error);
/* The number of credentials of the item and the CXF type of each ("basic-auth", "passkey", "totp", …). */
CXF_C_API size_t cxf_item_credential_count(const cxf_vault* vault, size_t item);
CXF_C_API const char* cxf_item_credential_type(const cxf_vault* vault, size_t item, size_t credential);
CXF_C_API int cxf_vault_remove_item(cxf_vault* vault, size_t item, cxf_error** error);

/* Checks the vault against CXF 1.0: CXF_OK, or CXF_INVALID_INPUT with the first error. */
CXF_C_API int cxf_vault_validate(const cxf_vault* vault, cxf_error** error);

/* Writes the vault to `path` in the options' `to` format (or the one its extension names), mode 0600,
 * atomically; CXF_FORCE replaces an existing file, and with CXF_STRICT nothing is written (status
 * CXF_LOSSES_REFUSED) when the format cannot carry everything. *losses (when not NULL) receives how many
 * things the format could not carry. */
CXF_C_API int cxf_write_file(const cxf_vault* vault, const char* path, const cxf_options* options, size_t* losses,
                             cxf_error** error);

#ifdef __cplusplus
}
#endif

#endif
