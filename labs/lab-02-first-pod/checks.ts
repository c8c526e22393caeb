// Checks for lab-02. Images are read from the Pod spec (what was asked for), never from status.
import { defineChecks, match, podReady, present, some } from '../../checker/index.ts';

export default defineChecks({
  'web-pod': async ({ get }) => {
    const web = await get('v1', 'Pod', 'web');
    return match(web, { spec: { containers: some({ image: 'nginx:1.27' }) } });
  },

  'yaml-pod': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'nginx-yaml');
    return match(pod, {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: some({
          image: 'nginx:1.27',
          ports: some({ containerPort: 80, name: 'http' }),
          resources: {
            requests: { cpu: present(), memory: present() },
            limits: { cpu: present(), memory: present() },
          },
        }),
      },
    });
  },

  'web-ready': async ({ get }) => podReady(await get('v1', 'Pod', 'web')),
});
