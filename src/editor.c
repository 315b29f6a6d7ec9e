/* editor.c: the reader's editor, run on a page's file (see editor.h). */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "guidenav/editor.h"
#include "guidenav/util.h"

const char *gn_editor_command(const char *visual, const char *editor)
{
    if (visual && *visual)
        return visual;
    if (editor && *editor)
        return editor;
    return "vi";
}

char **gn_editor_argv(const char *command, const char *file, int line)
{
    char **argv = gn_xcalloc(7, sizeof *argv);
    argv[0] = gn_xstrdup("/bin/sh");
    argv[1] = gn_xstrdup("-c");
    argv[2] = gn_xasprintf("%s \"$@\"", command);
    argv[3] = gn_xstrdup("sh"); /* $0 */
    argv[4] = gn_xasprintf("+%d", line > 0 ? line : 1);
    argv[5] = gn_xstrdup(file);
    return argv;
}

void gn_editor_argv_free(char **argv)
{
    for (size_t i = 0; argv && argv[i]; i++)
        free(argv[i]);
    free(argv);
}

/* In the child: the signals as a program expects them, the terminal as
 * standard input, then the program; 127 when it cannot be run. */
static void start_child(char *const *argv, int keys)
{
    static const int sigs[] = {SIGINT, SIGQUIT, SIGTSTP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (keys > 0 && dup2(keys, STDIN_FILENO) < 0)
        _exit(127);
    execv(argv[0], argv);
    _exit(127);
}

int gn_editor_run(char *const *argv, const char *name, int keys, gn_error *err)
{
    struct sigaction ign, dfl, old_int, old_quit, old_tstp;
    memset(&ign, 0, sizeof ign);
    memset(&dfl, 0, sizeof dfl);
    ign.sa_handler = SIG_IGN;
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGINT, &ign, &old_int);
    sigaction(SIGQUIT, &ign, &old_quit);
    sigaction(SIGTSTP, &dfl, &old_tstp);
    pid_t pid = fork();
    if (pid == 0)
        start_child(argv, keys);
    int status = 0, e = errno;
    if (pid > 0) {
        pid_t got;
        while ((got = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
            ;
        if (got < 0)
            e = errno;
        pid = got;
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    sigaction(SIGTSTP, &old_tstp, NULL);
    if (pid < 0)
        return gn_fail(err, "%s could not be started: %s", name, strerror(e));
    if (WIFSIGNALED(status))
        return gn_fail(err, "%s was killed by signal %d", name, WTERMSIG(status));
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 127)
        return gn_fail(err, "%s was not found (status 127)", name);
    if (code == 126)
        return gn_fail(err, "%s could not be run (status 126)", name);
    if (code != 0)
        return gn_fail(err, "%s exited with status %d", name, code);
    return 0;
}
