// `npm run lab -- prefetch [LAB]`: every image the course (or one lab) runs, pulled into the local
// Docker where it is missing and loaded into the nodes of Wheelhouse's kind cluster, so that a
// classroom on poor Wi-Fi needs the network once, before class. Without a kind cluster the images
// wait in Docker; run prefetch again after `up --provider kind`.
import { kindClusterExists } from '../providers/kind.ts';
import type { System } from '../providers/system.ts';
import { LifecycleError } from '../core/errors.ts';
import { say, type Lang } from '../core/i18n.ts';
import type { Progress } from './progress.ts';
import { readState } from '../core/state.ts';

export interface PrefetchReport {
  /** Images Docker already had. */
  present: string[];
  pulled: string[];
  /** The kind cluster the images were loaded into; undefined when there is none. */
  loadedInto?: string;
}

export async function prefetch(images: string[], kubeconfig: string, o: { sys: System; progress: Progress; lang: Lang }): Promise<PrefetchReport> {
  const { sys, progress, lang } = o;
  if (!sys.which('docker')) throw new LifecycleError('missing-tool', 'dockerMissing', { url: 'https://docs.docker.com/get-started/get-docker/' });
  const info = await sys.run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 15_000 });
  if (info.code !== 0 || !info.stdout.trim()) throw new LifecycleError('missing-tool', 'dockerNotRunning', { detail: info.stderr.trim().split('\n').pop() ?? '' });

  const report: PrefetchReport = { present: [], pulled: [] };
  const failed: string[] = [];
  for (const [i, image] of images.entries()) {
    const have = await sys.run('docker', ['image', 'inspect', '--format', '{{.Id}}', image], { timeoutMs: 30_000 });
    if (have.code === 0) {
      report.present.push(image);
      continue;
    }
    await progress
      .step(say(lang, 'stepPull', { image, n: i + 1, of: images.length }), async () => {
        const pull = await sys.run('docker', ['pull', image], { timeoutMs: 15 * 60_000 });
        if (pull.code !== 0) throw new LifecycleError('failed', 'imagePullFailed', { image, detail: pull.stderr.trim().split('\n').slice(-3).join('\n') });
      })
      .then(
        () => report.pulled.push(image),
        (err: LifecycleError) => {
          failed.push(err.say(lang));
        },
      );
  }
  if (failed.length) throw new LifecycleError('failed', 'prefetchFailed', { count: failed.length, details: failed.join('\n') });

  const state = await readState(kubeconfig);
  if (state?.provider !== 'kind' || !(await kindClusterExists(state.name, sys))) {
    progress.info(say(lang, 'prefetchNoKind', { count: images.length }));
    return report;
  }
  // One `kind load` for all: kind saves them into one archive and imports it once per node.
  await progress.step(say(lang, 'stepLoadImages', { count: images.length, name: state.name }), async () => {
    const load = await sys.run('kind', ['load', 'docker-image', ...images, '--name', state.name], { timeoutMs: 30 * 60_000 });
    if (load.code !== 0) throw new LifecycleError('failed', 'imageLoadFailed', { image: images.join(' '), detail: load.stderr.trim().split('\n').slice(-5).join('\n') });
  });
  report.loadedInto = state.name;
  return report;
}
