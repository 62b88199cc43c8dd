/*
 * trace.c - which events are traced (include/linux/trace.h).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/sched.h>

unsigned long trace_mask __sched_data;
int trace_in_fault;

static const struct {
	const char *name;
	unsigned long bit;
} trace_names[] = {
	{ "fault", TRACE_FAULT },
	{ "shm", TRACE_SHM },
	{ "cow", TRACE_COW },
	{ "sched", TRACE_SCHED },
	{ "syscall", TRACE_SYSCALL },
	{ "fpu", TRACE_FPU },
	{ "ipc", TRACE_IPC },
	{ "swap", TRACE_SWAP },
};

/* "fault,shm" -> TRACE_FAULT | TRACE_SHM; "all" -> everything; unknown
 * names are ignored. */
unsigned long trace_parse(const char *list)
{
	unsigned long mask = 0;
	unsigned int i;

	while (*list) {
		const char *end = strchr(list, ',');
		size_t len = end ? (size_t)(end - list) : strlen(list);

		for (i = 0; i < ARRAY_SIZE(trace_names); i++)
			if ((len == 3 && !strncmp(list, "all", 3)) ||
			    (strlen(trace_names[i].name) == len &&
			     !strncmp(list, trace_names[i].name, len)))
				mask |= trace_names[i].bit;
		list += len + (end ? 1 : 0);
	}
	return mask;
}

/* The inverse, for reading the setting back: "fault,shm\n". */
int trace_format(char *buf, int size, unsigned long mask)
{
	unsigned int i;
	int n = 0;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(trace_names); i++)
		if (mask & trace_names[i].bit)
			n += snprintf(buf + n, size - n, "%s%s", n ? "," : "",
				      trace_names[i].name);
	n += snprintf(buf + n, size - n, "\n");
	return n;
}

/* The word a trace line starts with for an event of this kind. */
static const char *kind_tag(unsigned long kind)
{
	switch (kind) {
	case TRACE_SHM:
		return "SHM";
	case TRACE_COW:
		return "COW";
	case TRACE_SCHED:
		return "SCHED";
	case TRACE_SYSCALL:
		return "SYSCALL";
	}
	return "FAULT";
}

/*
 * One step of a traced event. Inside a traced fault (trace_in_fault) the
 * step joins the fault's single FAULT line after " -> "; otherwise, when
 * kind is switched on (trace=, /proc/trace), it is a line of its own,
 * tagged with the kind and the pid. Callers use the trace_step macro,
 * which skips the call when nothing is traced.
 */
void __trace_step(unsigned long kind, const char *fmt, ...)
{
	va_list args;

	if (trace_in_fault) {
		printk(" -> ");
	} else if (trace_mask & kind) {
		printk("%s pid=%d ", kind_tag(kind), current->pid);
	} else {
		return;
	}
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	if (!trace_in_fault)
		printk("\n");
}

/*
 * trace_event - an event of kind whose text says what it is (swap's
 * "SWAP out pid=..."): its own line when kind is traced; inside a traced
 * fault it joins the FAULT line as a step, so that the line stays whole.
 */
void trace_event(unsigned long kind, const char *fmt, ...)
{
	va_list args;

	if (!(trace_mask & kind))
		return;
	if (trace_in_fault)
		printk(" -> ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	if (!trace_in_fault)
		printk("\n");
}
