// See sandbox_alarm.h. C, not C++: the C library declares these functions with attributes
// that a C++ definition would have to repeat exactly. Each one is defined in the executable,
// so the dynamic linker binds every library's call to it; it aborts while the alarm is on
// and otherwise calls the C library's function.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int alarm_on = 0;

void kansli_fuzz_set_sandbox_alarm(int on) { alarm_on = on; }

static void *next_definition(const char *name) {
  if (alarm_on) {
    fprintf(stderr, "kansli fuzz: a script left its sandbox: it called %s\n", name);
    abort();
  }
  void *real = dlsym(RTLD_NEXT, name);
  if (real == NULL) abort();
  return real;
}

FILE *fopen(const char *path, const char *mode) {
  return ((FILE * (*)(const char *, const char *)) next_definition("fopen"))(path, mode);
}

FILE *fopen64(const char *path, const char *mode) {
  return ((FILE * (*)(const char *, const char *)) next_definition("fopen64"))(path, mode);
}

FILE *freopen(const char *path, const char *mode, FILE *stream) {
  return ((FILE * (*)(const char *, const char *, FILE *)) next_definition("freopen"))(
      path, mode, stream);
}

FILE *popen(const char *command, const char *type) {
  return ((FILE * (*)(const char *, const char *)) next_definition("popen"))(command, type);
}

int system(const char *command) {
  return ((int (*)(const char *))next_definition("system"))(command);
}

int remove(const char *path) { return ((int (*)(const char *))next_definition("remove"))(path); }

int rename(const char *from, const char *to) {
  return ((int (*)(const char *, const char *))next_definition("rename"))(from, to);
}

int mkstemp(char *path_template) {
  return ((int (*)(char *))next_definition("mkstemp"))(path_template);
}

char *getenv(const char *name) {
  return ((char *(*)(const char *))next_definition("getenv"))(name);
}

void *dlopen(const char *file, int mode) {
  return ((void *(*)(const char *, int))next_definition("dlopen"))(file, mode);
}

int execve(const char *path, char *const argv[], char *const envp[]) {
  return ((int (*)(const char *, char *const[], char *const[]))next_definition("execve"))(
      path, argv, envp);
}
