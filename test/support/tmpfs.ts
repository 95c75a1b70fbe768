import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Real disks that are full or read-only, for the tests of what the service does on them: a tmpfs mounted for the
 * test (Linux, root only). `whyNoTmpfs` says why none can be mounted here, for the test file to print as it skips.
 */
export function whyNoTmpfs(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux (a tmpfs is mounted)';
  if (process.getuid?.() !== 0) return 'not root (mounting a tmpfs needs it)';
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-mount-probe-'));
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { encoding: 'utf8' });
    if (mounted.status !== 0) return `mount -t tmpfs failed: ${(mounted.stderr || String(mounted.error)).trim()}`;
    spawnSync('umount', [probe]);
    return undefined;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** Mounts tmpfs folders of a test file and unmounts (and removes) them after each test. */
export function tmpfsMounts(): { mount(size: string): string } {
  const mounted: string[] = [];
  afterEach(() => {
    for (const dir of mounted.splice(0)) {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    /** A fresh owner-only tmpfs of `size` (mount's notation: `8m`, `64k`). */
    mount(size: string): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-tmpfs-'));
      mounted.push(dir);
      const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], {
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`mount -t tmpfs ${dir}: ${result.stderr}`);
      return dir;
    },
  };
}
