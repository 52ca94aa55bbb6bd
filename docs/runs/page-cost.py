# What one GiB of new file data costs this machine in CPU: written with write() in 64 KiB chunks, or copied into
# a shared mapping of a file extended with ftruncate. Three rounds, each on a new file that is deleted after it.
# Run: python3 page-cost.py [folder]   (the folder's file system is the one measured; /tmp by default)
import mmap, os, resource, sys

folder = sys.argv[1] if len(sys.argv) > 1 else '/tmp'
GIB = 1 << 30
CHUNK = ((b'x' * 97 + b'\n') * 669)[:65536]

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_stime

def written():
    path = os.path.join(folder, 'page-cost-write.dat')
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY)
    c0, s0 = cpu()
    for _ in range(GIB // len(CHUNK)):
        os.write(fd, CHUNK)
    c1, s1 = cpu()
    os.close(fd)
    os.unlink(path)
    return c1 - c0, s1 - s0

def mapped():
    path = os.path.join(folder, 'page-cost-map.dat')
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_RDWR)
    os.ftruncate(fd, GIB)
    region = mmap.mmap(fd, GIB)
    c0, s0 = cpu()
    for i in range(GIB // len(CHUNK)):
        region[i * len(CHUNK):(i + 1) * len(CHUNK)] = CHUNK
    c1, s1 = cpu()
    region.close()
    os.close(fd)
    os.unlink(path)
    return c1 - c0, s1 - s0

for round in range(1, 4):
    for name, run in (('write()', written), ('mapping', mapped)):
        total, system = run()
        print(f'round {round} {name:8s} CPU {total:.2f} s (system {system:.2f} s) per GiB')
