# The lab terminal's start-up file: site/server/shell.ts runs `bash --rcfile <this file> -i`.
# It reads what an interactive bash reads (/etc/bash.bashrc, ~/.bashrc), and then points kubectl
# at the lab cluster again, so that an `export KUBECONFIG=~/.kube/config`, a kubectl alias or
# function, a PATH entry, PROMPT_COMMAND or a DEBUG trap in ~/.bashrc cannot send a lab's
# `kubectl drain` to a real cluster (#14). The prompt shows the context kubectl talks to.

# Taken before any of the user's files run, and out of their reach.
readonly __wh_kubeconfig="${WHEELHOUSE_KUBECONFIG:-}" __wh_bin="${WHEELHOUSE_KUBE_BIN:-}" __wh_rc="${BASH_SOURCE[0]}" __wh_bash="$BASH" __wh_path="$PATH"

if [ -z "${WHEELHOUSE_NO_USER_RC:-}" ]; then
  [ -r /etc/bash.bashrc ] && . /etc/bash.bashrc
  [ -r "$HOME/.bashrc" ] && . "$HOME/.bashrc"
fi

# From here on every command is escaped against aliases (\cmd), and posix mode puts the special
# builtins (unset, export, trap, set) before any function of the same name.
POSIXLY_CORRECT=y
\set +eu
\trap - DEBUG RETURN ERR
\unset -f builtin command unalias hash shopt printf read local test [ kubectl k
\unset PROMPT_COMMAND
\unalias kubectl k 2>/dev/null
\unset POSIXLY_CORRECT

\export KUBECONFIG="$__wh_kubeconfig" WHEELHOUSE_KUBECONFIG="$__wh_kubeconfig" KUBERC=off
case "$PATH" in "$__wh_bin":*) ;; *) \test -n "$__wh_bin" && PATH="$__wh_bin:$PATH" ;; esac
\export PATH
\hash -r

# A ~/.bashrc that made KUBECONFIG or PATH read-only wins over the lines above: start again without it.
if \test "${KUBECONFIG:-}" != "$__wh_kubeconfig" || { \test -n "$__wh_bin" && \test "$(\command -v kubectl)" != "$__wh_bin/kubectl"; }; then
  if \test -z "${WHEELHOUSE_NO_USER_RC:-}"; then
    \printf '%s\n' 'Wheelhouse: ~/.bashrc keeps kubectl from the lab cluster (a read-only KUBECONFIG or PATH); this terminal starts without ~/.bashrc.' \
      'Wheelhouse: ~/.bashrc 때문에 kubectl이 실습 클러스터를 가리킬 수 없어(읽기 전용 KUBECONFIG 또는 PATH) ~/.bashrc 없이 터미널을 시작합니다.' >&2
    \exec /usr/bin/env -u KUBECONFIG PATH="$__wh_path" WHEELHOUSE_NO_USER_RC=1 "$__wh_bash" --rcfile "$__wh_rc" -i
  fi
fi

# The context kubectl uses, read from the kubeconfig without running kubectl at every prompt.
__wh_context() {
  local line ctx=
  if \test -r "${KUBECONFIG:-}"; then
    while IFS= read -r line; do
      case $line in
        current-context:*) ctx=${line#current-context:}; ctx=${ctx# }; ctx=${ctx//\"/}; break ;;
      esac
    done <"$KUBECONFIG"
  fi
  \printf '%s' "${ctx:-no lab cluster yet}"
}
\shopt -s promptvars
PS1='\[\e[1;36m\][$(__wh_context)]\[\e[0m\] \W \$ '
