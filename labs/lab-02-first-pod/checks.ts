// Checks for lab-02. Images are read from the Pod spec (what was asked for), never from status,
// and compared by meaning (docker.io/library/nginx:1.27 is nginx:1.27). How a Pod was made
// (kubectl run, create or apply) is not graded: the texts describe the Pods, not the commands.
import { absent, defineChecks, exactly, image, match, podReadyAndUp, present, some } from '../../checker/index.ts';

export default defineChecks({
  // name: the Pod web exists (a Deployment's Pods are web-<hash>); image: one container, nginx:1.27.
  'web-pod': async ({ get }) => {
    const web = await get('v1', 'Pod', 'web');
    return match(web, { spec: { containers: exactly([{ image: image('nginx:1.27') }]) } });
  },

  // name, label, one-container (no second container, no init container), image, port (80/TCP),
  // port-name (http, on that port), cpu and memory (a request and a limit each; the API server
  // copies a limit into a missing request, so a request is only missing when the limit is too).
  'yaml-pod': async ({ get }) => {
    const pod = await get('v1', 'Pod', 'nginx-yaml');
    return match(pod, {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        initContainers: absent(),
        containers: exactly([
          {
            image: image('nginx:1.27'),
            ports: some({ containerPort: 80, protocol: 'TCP', name: 'http' }),
            resources: {
              requests: { cpu: present(), memory: present() },
              limits: { cpu: present(), memory: present() },
            },
          },
        ]),
      },
    });
  },

  // ready: the Pod's Ready condition (real nodes only).
  'web-ready': async ({ get }) => podReadyAndUp(await get('v1', 'Pod', 'web')),
});
