# Bash completion for cpconf(1): commands, options, option values, rule and profile names.
#
# Nothing here lists cpconf's options. They are read from the program's own help when a word is
# completed ("cpconf --help", "cpconf COMMAND --help"), with the values an option or argument
# takes (the {a,b,c} CLI11 shows), so the completion never falls behind the program. Rule and
# family names come from "cpconf rules"; profile names are the choices "cpconf new --help" shows.
# Each help text is read once per shell session.

declare -gA _cpconf_cache=()

# _cpconf_run BINARY ARGS...: cpconf's output, kept for the rest of the session.
_cpconf_run() {
  local key="$*"
  if [[ -z ${_cpconf_cache[$key]+set} ]]; then
    _cpconf_cache[$key]=$("$@" 2>/dev/null)
  fi
  printf '%s\n' "${_cpconf_cache[$key]}"
}

# _cpconf_specs BINARY COMMAND: one line per positional and option the command's help shows:
# "pos|opt <TAB> names, comma-separated <TAB> flag|value|many <TAB> type <TAB> choices, space-separated",
# many marking a positional that takes any number of words.
_cpconf_specs() {
  _cpconf_run "$1" "$2" --help | awk '
    /^Positionals:/ { section = "pos"; next }
    /^Options:/ { section = "opt"; next }
    /^[^ ]/ || /^$/ { section = "" }
    section != "" && /^  [^ ]/ {
      # CLI11 pads a name and its type to 30 columns; the description follows, or starts on the
      # next line when they are longer.
      head = (length($0) > 30 && substr($0, 30, 1) == " ") ? substr($0, 1, 30) : $0
      split(head, word, " ")
      sub(/\{.*/, "", word[1])  # the default of an optional value, as in "--redact{family}"
      type = word[2]
      kind = type ~ /^[A-Z]+(:|$)/ ? (section == "pos" && word[3] == "..." ? "many" : "value") : "flag"
      choices = ""
      if (match(type, /:\{[^}]*\}/)) { choices = substr(type, RSTART + 2, RLENGTH - 3); gsub(",", " ", choices) }
      sub(/:.*/, "", type)
      # "-" for no type: read splits on tabs as white space, so an empty field would vanish.
      printf "%s\t%s\t%s\t%s\t%s\n", section, word[1], kind, (type == "" ? "-" : type), choices
    }'
}

_cpconf_commands() {
  _cpconf_run "$1" --help | awk '/^Subcommands:/ { on = 1; next } /^[^ ]/ || /^$/ { on = 0 } on { print $1 }'
}

# _cpconf_rules BINARY [rules|families]
_cpconf_rules() {
  _cpconf_run "$1" rules --color never | awk -v want="$2" 'NR > 1 && NF {
    if (want == "families") { if (!seen[$2]++) print $2 } else print $1 }'
}

_cpconf_profiles() {
  _cpconf_specs "$1" new | awk -F '\t' '$1 == "opt" && $2 == "--profile" { gsub(" ", "\n", $5); print $5 }'
}

# _cpconf_reply WORDS...: the words that complete $cur, one a line.
_cpconf_reply() {
  local IFS=$'\n'
  COMPREPLY+=($(compgen -W "$*" -- "$cur"))
}

_cpconf_files() {  # _cpconf_files [records]: paths, or folders and YAML files only
  local IFS=$'\n'
  compopt -o filenames 2>/dev/null
  if [[ ${1-} == records ]]; then
    COMPREPLY+=($(compgen -d -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur") $(compgen -f -X '!*.yml' -- "$cur"))
  else
    COMPREPLY+=($(compgen -f -- "$cur"))
  fi
}

# _cpconf_value BINARY OPTION TYPE CHOICES: the values an option takes.
_cpconf_value() {
  local bin=$1 option=$2 type=$3 choices=$4
  case $option in
    --select | --ignore)  # comma-separated: complete the last item
      local done=${cur%"${cur##*,}"} item=${cur##*,} name
      for name in $(_cpconf_rules "$bin" families) $(_cpconf_rules "$bin" rules); do
        [[ $name == "$item"* ]] && COMPREPLY+=("$done$name")
      done
      compopt -o nospace 2>/dev/null
      return ;;
    --family) _cpconf_reply "$(_cpconf_rules "$bin" families)"; return ;;
  esac
  if [[ -n $choices ]]; then
    _cpconf_reply $choices
  elif [[ $option == --profile ]]; then
    _cpconf_reply "$(_cpconf_profiles "$bin")"
    _cpconf_files
  elif [[ $type == TEXT && ! $option =~ ^--(as-of|date|case|stdin-filename)$ ]]; then
    _cpconf_files
  fi
}

_cpconf() {
  COMPREPLY=()
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} bin=${COMP_WORDS[0]}
  # "--format=js" reaches here as "--format" "=" "js". After '=' a value follows, even for a
  # flag with an optional value ("--redact=all").
  local after_equals=false
  if [[ $cur == = ]]; then
    cur= after_equals=true
  elif [[ $prev == = ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]} after_equals=true
  fi

  local command= at=0 i
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ ${COMP_WORDS[i]} != -* ]]; then command=${COMP_WORDS[i]} at=$i; break; fi
  done
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then _cpconf_reply --help --version; else _cpconf_reply "$(_cpconf_commands "$bin")"; fi
    return
  fi

  local -A kind type choices
  local -a positionals
  local section names k t c name
  while IFS=$'\t' read -r section names k t c; do
    if [[ $section == pos ]]; then positionals+=("$names"$'\t'"$k"$'\t'"$c"); continue; fi
    for name in ${names//,/ }; do kind[$name]=$k type[$name]=$t choices[$name]=$c; done
  done < <(_cpconf_specs "$bin" "$command")

  if [[ $prev == -* && ( ${kind[$prev]-} == value || ( $after_equals == true && -n ${choices[$prev]-} ) ) ]]; then
    _cpconf_value "$bin" "$prev" "${type[$prev]-}" "${choices[$prev]-}"
    return
  fi
  if [[ $cur == -* ]]; then
    _cpconf_reply "${!kind[@]}"
    return
  fi

  # Which positional this word is: count the earlier ones, skipping option values.
  local index=0 word
  for ((i = at + 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == = ]]; then ((i++)); continue; fi
    if [[ $word == -* ]]; then
      [[ ${kind[$word]-} == value && ${COMP_WORDS[i + 1]-} != = ]] && ((i++))
      continue
    fi
    ((index++))
  done
  local last=$((${#positionals[@]} - 1))
  ((last >= 0)) || return
  if ((index > last)); then
    [[ ${positionals[last]} == *$'\t'many$'\t'* ]] || return
    index=$last
  fi
  IFS=$'\t' read -r name k c <<<"${positionals[index]}"
  if [[ $command == rules && $name == name ]]; then
    _cpconf_reply "$(_cpconf_rules "$bin" rules)"
  elif [[ -n $c ]]; then
    _cpconf_reply $c
  else
    _cpconf_files records
  fi
}

complete -F _cpconf cpconf
