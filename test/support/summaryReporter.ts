import type { Reporter } from 'vitest/reporters';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

/** Prints the plain closing line CI reads: `N passed, N failed, N skipped`. */
export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: Task): void => {
      if (task.tasks) task.tasks.forEach(visit);
      if (task.type !== 'test') return;
      if (task.mode === 'skip' || task.mode === 'todo' || task.result?.state === 'skip') counts.skipped += 1;
      else if (task.result?.state === 'pass') counts.passed += 1;
      else counts.failed += 1;
    };
    files.forEach(visit);
    // a file that failed to load has no tests but must still fail the run
    const brokenFiles = files.filter((f) => f.result?.state === 'fail' && !(f.tasks ?? []).length).length;
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed + brokenFiles} failed, ${counts.skipped} skipped\n`);
  }
}
