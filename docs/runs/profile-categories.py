# Sums an async-profiler collapsed-stack file per thread group and per category, so that a writer thread's
# kernel time and a mapped file's page faults can be compared. Run: python3 profile-categories.py FILE.collapsed
import collections, sys

def category(frames):
    seen = set(frames)
    if 'clear_page_erms_[k]' in seen:
        return 'zeroing new anonymous pages (kernel)'
    if 'copy_folio_from_iter_atomic_[k]' in seen:
        return 'write(): copying into the page cache'
    if '__GI_write' in seen:
        return 'write(): the rest (ext4, page-cache pages)'
    if 'asm_exc_page_fault_[k]' in seen:
        return 'page faults (other)'
    if any(f.startswith('io/github/unifiedwriter/') and '/perf/' not in f for f in frames):
        return 'UnifiedWriter code'
    if any('AbstractOutputStreamAppender.append' in f for f in frames):
        return "Log4j2's appender and layout"
    if any(f.endswith('_[k]') for f in frames):
        return 'other kernel'
    return "Log4j2's logger, the load generator, the JDK"

def group(thread):
    if 'producer' in thread:
        return 'producers'
    if thread.startswith('[file'):
        return 'writer thread'
    if 'Compiler' in thread:
        return 'JIT compilers'
    return 'other threads'

totals, cells = collections.Counter(), collections.Counter()
for line in open(sys.argv[1]):
    stack, samples = line.rsplit(' ', 1)
    frames = stack.split(';')
    g = group(frames[0])
    totals[g] += int(samples)
    cells[(g, category(frames))] += int(samples)
for g, n in totals.most_common():
    print(f'{g}: {n} samples')
    for (cg, c), m in sorted(cells.items(), key=lambda kv: -kv[1]):
        if cg == g and m >= 10:
            print(f'    {m:6d}  {100.0 * m / n:5.1f}%  {c}')
