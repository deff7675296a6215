# Fish completion for cpconf(1): commands, options, option values, rule and profile names.
#
# Nothing here lists cpconf's options. They are read from the program's own help when a word is
# completed ("cpconf --help", "cpconf COMMAND --help"), with the values an option or argument
# takes (the {a,b,c} CLI11 shows), so the completion never falls behind the program. Rule and
# family names come from "cpconf rules"; profile names are the choices "cpconf new --help" shows.
# Each help text is read once per shell session. completions/cpconf.bash works the same way.

# __cpconf_run BINARY ARGS...: cpconf's output, kept for the rest of the session.
function __cpconf_run
    set -l var __cpconf_cache_(string escape --style=var -- "$argv")
    # A cpconf that is not on the PATH (yet) offers nothing, rather than fish's error.
    command -q $argv[1]; or return
    if not set -q $var
        set -g $var ($argv 2>/dev/null)
    end
    printf '%s\n' $$var
end

# __cpconf_specs BINARY COMMAND: one line per positional and option the command's help shows:
# "pos|opt <TAB> names, comma-separated <TAB> flag|value|many <TAB> type <TAB> choices".
function __cpconf_specs
    __cpconf_run $argv[1] $argv[2] --help | awk '
    /^Positionals:/ { section = "pos"; next }
    /^Options:/ { section = "opt"; next }
    /^[^ ]/ || /^$/ { section = "" }
    section != "" && /^  [^ ]/ {
      head = (length($0) > 30 && substr($0, 30, 1) == " ") ? substr($0, 1, 30) : $0
      split(head, word, " ")
      sub(/\{.*/, "", word[1])  # the default of an optional value, as in "--redact{family}"
      type = word[2]
      kind = type ~ /^[A-Z]+(:|$)/ ? (section == "pos" && word[3] == "..." ? "many" : "value") : "flag"
      if (type ~ /^:\{/) kind = "optional"  # a flag whose value comes only after "=": "--redact=all"
      choices = ""
      if (match(type, /:\{[^}]*\}/)) { choices = substr(type, RSTART + 2, RLENGTH - 3); gsub(",", " ", choices) }
      sub(/:.*/, "", type)
      printf "%s\t%s\t%s\t%s\t%s\n", section, word[1], kind, type, choices
    }'
end

function __cpconf_commands
    __cpconf_run $argv[1] --help | awk '/^Subcommands:/ { on = 1; next } /^[^ ]/ || /^$/ { on = 0 } on { print $1 }'
end

# __cpconf_rules BINARY rules|families
function __cpconf_rules
    __cpconf_run $argv[1] rules --color never | awk -v want=$argv[2] 'NR > 1 && NF {
    if (want == "families") { if (!seen[$2]++) print $2 } else print $1 }'
end

# Folders and YAML files only (fish's __fish_complete_suffix offers every file, the wanted ones
# first).
function __cpconf_records
    for path in $argv[1]*
        if test -d $path
            printf '%s/\n' $path
        else if string match -qr '\.ya?ml$' -- $path
            printf '%s\n' $path
        end
    end
end

# __cpconf_value BINARY OPTION TYPE CHOICES CURRENT-WORD PREFIX: the values an option takes.
function __cpconf_value
    set -l bin $argv[1]
    set -l option $argv[2]
    set -l type $argv[3]
    set -l choices (string split -n ' ' -- $argv[4])
    set -l cur $argv[5]
    set -l prefix $argv[6]
    switch $option
        case --select --ignore # comma-separated: complete the last item
            # What is before the last comma, "" when there is none: string match would give an
            # empty list, and an empty list in $prefix$done$name gives no words at all.
            set -l done (string replace -r -- '[^,]*$' '' (string sub -s (math (string length -- "$prefix") + 1) -- "$cur"))
            for name in (__cpconf_rules $bin families) (__cpconf_rules $bin rules)
                echo $prefix$done$name
            end
            return
        case --family
            __cpconf_rules $bin families | string replace -r '^' -- $prefix
            return
    end
    if set -q choices[1]
        printf '%s\n' $prefix$choices
    else if test $option = --profile
        __cpconf_specs $bin new | awk -F '\t' '$1 == "opt" && $2 == "--profile" { gsub(" ", "\n", $5); print $5 }' | string replace -r '^' -- $prefix
        __fish_complete_path (string replace -- $prefix '' $cur)
    else if test "$type" = TEXT; and not string match -qr -- '^--(as-of|date|case|stdin-filename)$' $option
        __fish_complete_path (string replace -- $prefix '' $cur)
    end
end

function __cpconf_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l bin $words[1]
    set -l command
    set -l at
    for i in (seq 2 (count $words))
        if not string match -q -- '-*' $words[$i]
            set command $words[$i]
            set at $i
            break
        end
    end
    if test -z "$command"
        if string match -q -- '-*' $cur
            printf '%s\n' --help --version
        else
            __cpconf_commands $bin
        end
        return
    end

    set -l specs (__cpconf_specs $bin $command)
    set -l prev $words[-1]
    set -l prefix ''
    # "--format=js": the value of the option before "=".
    if string match -qr -- '^-[^=]*=' $cur
        set prev (string replace -r -- '=.*' '' $cur)
        set prefix $prev=
    end
    if string match -q -- '-*' $prev
        for spec in $specs
            set -l f (string split \t -- $spec)
            # An optional value ("--redact=all") is completed only after "=".
            if test $f[1] = opt; and begin; test $f[3] = value; or begin; test $f[3] = optional; and test -n "$prefix"; end; end; and contains -- $prev (string split , -- $f[2])
                __cpconf_value $bin $prev $f[4] "$f[5]" $cur $prefix
                return
            end
        end
    end
    if string match -q -- '-*' $cur
        for spec in $specs
            set -l f (string split \t -- $spec)
            test $f[1] = opt; and string split , -- $f[2]
        end
        return
    end

    # Which positional this word is: count the earlier ones, skipping option values.
    set -l value_options
    set -l positionals
    for spec in $specs
        set -l f (string split \t -- $spec)
        if test $f[1] = pos
            set -a positionals $spec
        else if test $f[3] = value
            set -a value_options (string split , -- $f[2])
        end
    end
    set -l index 1
    set -l skip 0
    for word in $words[(math $at + 1)..-1]
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and contains -- $word $value_options
                set skip 1
            end
        else
            set index (math $index + 1)
        end
    end
    set -q positionals[1]; or return
    if test $index -gt (count $positionals)
        string match -q -- "*"\t"many"\t"*" $positionals[-1]; or return
        set index (count $positionals)
    end
    set -l f (string split \t -- $positionals[$index])
    if test $command = rules; and test $f[2] = name
        __cpconf_rules $bin rules
    else if test -n "$f[5]"
        string split ' ' -- $f[5]
    else
        __cpconf_records $cur
    end
end

complete -c cpconf -f -a '(__cpconf_complete)'
