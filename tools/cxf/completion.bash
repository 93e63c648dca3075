# bash completion for cxf. Commands, options and format ids are read from the installed program
# (`cxf --help`, `cxf COMMAND --help`, `cxf formats`), so they always match the version in use.

_cxf_commands() {
    "$1" --help 2>/dev/null | awk '/^commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }'
}

_cxf_format_ids() {
    "$1" formats 2>/dev/null | awk 'NR > 1 && /^$/ { exit } NR > 1 { print $1 }'
}

# "--name VALUE_NAME" for every long option of the command, "--name" for a flag.
_cxf_options() {
    "$@" --help 2>/dev/null | sed -n -E \
        -e 's/^  -[a-zA-Z] \[ (--[a-z0-9-]+) \]( ([A-Z_]+))?.*/\1 \3/p' \
        -e 's/^  (--[a-z0-9-]+)( ([A-Z_]+))?.*/\1 \3/p'
}

_cxf() {
    local cur prev program=$1
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    if ((COMP_CWORD == 1)); then
        COMPREPLY=($(compgen -W "$(_cxf_commands "$program") --help --version" -- "$cur"))
        return
    fi

    local command=(${COMP_WORDS[1]})
    if [[ ${COMP_WORDS[1]} == cxp ]]; then
        if ((COMP_CWORD == 2)); then
            COMPREPLY=($(compgen -W "keygen" -- "$cur"))
            return
        fi
        command+=("${COMP_WORDS[2]}")
    fi

    local options value_name
    options=$(_cxf_options "$program" "${command[@]}")
    value_name=$(awk -v option="$prev" '$1 == option { print $2 }' <<<"$options")
    case $value_name in
    ID) COMPREPLY=($(compgen -W "$(_cxf_format_ids "$program")" -- "$cur")); return ;;
    VAR) COMPREPLY=($(compgen -e -- "$cur")); return ;;
    DIR | OUT_DIR) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    FILE | PRIVATE_KEY | REQUEST_JSON) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "") ;;
    *) return ;;  # a number, a name or a choice: nothing to offer
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(awk '{ print $1 }' <<<"$options")" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

complete -o filenames -o bashdefault -F _cxf cxf
