#!/usr/bin/env zsh
# zsh_complete.zsh COMPLETIONS-DIR LINE: the candidates zsh's completion system offers at the end
# of LINE, one a line, as a user pressing TAB would get them. It runs an interactive zsh on a
# pseudo-terminal (zsh/zpty), loads compinit with COMPLETIONS-DIR first on fpath, and wraps
# compadd so that every match added is printed (after the technique of zsh-capture-completion).
zmodload zsh/zpty || exit 2
emulate -L zsh
local dir=$1 line=$2
zpty z zsh -f -i
zpty -w z "setopt interactive_comments; PROMPT= RPROMPT="
zpty -w z "fpath=(${(q)dir} \$fpath)"
zpty -w z "autoload -U compinit && compinit -u -d ${(q)TMPDIR:-/tmp}/cpconf-zcompdump-\$\$"
zpty -w z 'compadd () {
  # -O, -A and -D fill arrays for the caller instead of adding matches: pass them through.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits
  builtin compadd -A __hits "$@"
  local __prefix= __suffix=
  # -P and -S put text before and after each match (an option and "=").
  (( ${@[(I)-P]} )) && __prefix=${@[${@[(i)-P]}+1]}
  local __hit; for __hit in $__hits; do print -r -- "<MATCH>$__prefix$__hit"; done
  builtin compadd "$@"
}'
zpty -w z "zstyle ':completion:*' list-grouped false"
zpty -w z "zstyle ':completion:*' insert-tab false"
zpty -w z "bindkey '^I' complete-word"
zpty -w z "null-line () { echo -E - \$'\\0' }"
zpty -w z "compprefuncs=( null-line )"
zpty -w z "comppostfuncs=( null-line exit )"
zpty -w z "$line"$'\t'
# Read until the second NUL line (completion started and ended), for at most 20 seconds.
local all= chunk
integer deadline=$(( SECONDS + 20 ))
while (( SECONDS < deadline )); do
  if zpty -rt z chunk 2>/dev/null; then
    all+=$chunk
    local nuls=${all//[^$'\0']/}
    (( ${#nuls} >= 2 )) && break
  else
    sleep 0.05
  fi
done
zpty -d z 2>/dev/null
print -r -- "$all" | tr -d "\r" > ${ZSH_COMPLETE_RAW:-/dev/null}; print -r -- "$all" | tr -d "\r" | sed -n "s/^<MATCH>//p"
