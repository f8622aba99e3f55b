/**
 * Whether a shell that just ended means "this container has no such program", so the terminal should try the next
 * shell (bash, then sh). What the provider does when the program is missing (akash-network/provider,
 * cluster/kube/client_exec.go and gateway/rest/router.go): Kubernetes exec fails before the process starts;
 *  - with containerd the error text says "executable file not found in $PATH" or "no such file or directory", the
 *    provider maps it to ErrExecCommandDoesNotExist and answers a result frame (102) with exit_code 0 and the
 *    message "remote command execute error: command could not be executed because it does not exist";
 *  - with runtimes that report it as the process's exit status, the result carries exit code 126 (cannot execute)
 *    or 127 (not found), and nothing was printed.
 * A failure frame (103) is the provider hiding an internal error: trying another shell would hide it too, so it
 * is shown, not retried. An interactive bash prints a prompt at once, so a 126/127 after output is the user's own
 * `exit 127`, not a missing bash.
 */
export function isMissingProgram(result: { exitCode: number; message?: string }, printedAnything: boolean): boolean {
  if (result.message && /does not exist|executable file not found|no such file or directory/i.test(result.message)) return true;
  return (result.exitCode === 126 || result.exitCode === 127) && !printedAnything;
}

/** The shells tried, in order. */
export const SHELLS: readonly string[][] = [["bash"], ["sh"]];
