// The `npm run lab` area of the one message catalogue (i18n.ts merges it and words it with `say`):
// everything the lifecycle says, in English and Korean. Errors carry a key of the catalogue and
// its parameters (errors.ts), so every command words them in the learner's language.

type P<T = Record<string, never>> = (p: T) => string;
const OTHER_PROVIDER = 'npm run lab -- up LAB --provider existing --kubeconfig FILE --context NAME';

export const labEn = {
  // --- cannot reach / refused (exit 2) -----------------------------------------------------
  errNoKubeconfig: ((p) => `There is no Wheelhouse cluster: ${p.message}.\n→ Start one: npm run lab -- up lab-NN`) as P<{ message: string }>,
  errNoCluster: ((p) => `There is no Wheelhouse cluster (no ${p.kubeconfig}).\n→ Start one: npm run lab -- up lab-NN`) as P<{ kubeconfig: string }>,
  errUnreachable: ((p) => `Cannot reach the cluster: ${p.message}.\n→ npm run lab -- status shows what Wheelhouse knows about it; npm run lab -- up lab-NN starts it again.`) as P<{ message: string }>,
  refusedNoRecord: ((p) =>
    `Refusing to change the cluster of ${p.kubeconfig}: Wheelhouse has no record of creating it (no ${p.record}). Wheelhouse changes only clusters it created.\n→ To use a cluster you already have, name it on purpose: ${OTHER_PROVIDER}`) as P<{ kubeconfig: string; record: string }>,
  refusedNoMarker: ((p) =>
    `Refusing to change the cluster at ${p.server}: it has no Wheelhouse marker (ConfigMap kube-system/wheelhouse-cluster), so Wheelhouse did not create it, although ${p.kubeconfig} points at it.\n→ Check which cluster ${p.kubeconfig} names, or adopt this one on purpose: ${OTHER_PROVIDER}`) as P<{ server: string; kubeconfig: string }>,
  errDenied: ((p) =>
    `The cluster answers, and refuses Wheelhouse (401/403): ${p.message}.\n→ npm run lab -- status shows which cluster the kubeconfig names. A cluster that turns Wheelhouse away is neither changed nor deleted.`) as P<{ message: string }>,
  kwokLeftover: ((p) =>
    `A simulated cluster is already in ${p.workdir}, but Wheelhouse has no record of it beside its kubeconfig (was the .wheelhouse folder deleted?). Nothing is deleted without a record that matches the cluster's marker.\n→ If it is a leftover of this course, remove it and try again:\n  ${p.command}`) as P<{ workdir: string; command: string }>,
  downUnverified: ((p) =>
    `Not deleting the ${p.provider} cluster "${p.name}": it does not answer (${p.message}), so Wheelhouse cannot see its marker, and nothing is deleted without it.\n→ ${p.provider === 'kind' ? 'Start Docker and try again' : 'Try again once it runs (npm run lab -- up LAB starts it)'}; or, if you are sure it is this course's, delete it by hand: ${p.command}`) as P<{ provider: string; name: string; message: string; command: string }>,
  markerExists: ((p) =>
    `Refusing to mark the cluster at ${p.server}: it already carries a Wheelhouse marker (ConfigMap kube-system/wheelhouse-cluster, ${p.provider}, since ${p.createdAt}), so another Wheelhouse setup uses it; taking it over would leave that one refused.\n→ Use the Wheelhouse folder that marked it. If that setup is gone for good, delete the ConfigMap first: kubectl -n kube-system delete configmap wheelhouse-cluster`) as P<{ server: string; provider: string; createdAt: string }>,
  stateUnreadable: ((p) =>
    `Wheelhouse's record ${p.record} is there but cannot be read (${p.detail}), so nothing was changed: it may describe a cluster that is still running.\n→ Look at the file. If it is damaged, npm run lab -- status shows which cluster the kubeconfig beside it reaches; move the file away only once you know that cluster is gone or not Wheelhouse's.`) as P<{ record: string; detail: string }>,
  refusedOtherId: ((p) =>
    `Refusing to change the cluster at ${p.server}: its Wheelhouse marker belongs to another Wheelhouse setup than ${p.record}.\n→ Use the kubeconfig of the Wheelhouse folder that created it, or delete it there with npm run lab -- down.`) as P<{ server: string; record: string }>,
  kindMissing: ((p) =>
    `kind is not installed. kind runs the lab cluster's nodes as Docker containers.\n→ Install it (${p.url}): \`brew install kind\`, \`go install sigs.k8s.io/kind@latest\`, or download a release binary onto your PATH.\n→ Or use the simulated cluster, which needs no Docker: npm run lab -- up lab-NN --provider kwok`) as P<{ url: string }>,
  kindTooOld: ((p) =>
    `kind ${p.have} is too old: Wheelhouse needs ${p.need} or newer (it enforces NetworkPolicies and runs the current node images).\n→ Update it (${p.url}), e.g. \`go install sigs.k8s.io/kind@latest\`.\n→ Or use the simulated cluster, which needs no Docker: npm run lab -- up lab-NN --provider kwok`) as P<{ have: string; need: string; url: string }>,
  dockerMissing: ((p) =>
    `Docker is not installed: kind runs the lab cluster's nodes as Docker containers.\n→ Install Docker Desktop or Docker Engine (${p.url}), start it, and try again.\n→ Or use the simulated cluster, which needs no Docker: npm run lab -- up lab-NN --provider kwok`) as P<{ url: string }>,
  dockerNotRunning: ((p) =>
    `Docker is installed but not running${p.detail ? ` (${p.detail})` : ''}.\n→ Start Docker Desktop, or \`sudo systemctl start docker\` on Linux, and try again.\n→ Or use the simulated cluster, which needs no Docker: npm run lab -- up lab-NN --provider kwok`) as P<{ detail: string }>,
  kwokMissing: (() =>
    `The simulated cluster needs the Kubernetes binaries, and none are here.\n→ Build them once: npm run kube:build (needs Go 1.26 or newer),\n→ or install kwokctl (https://kwok.sigs.k8s.io/docs/user/installation/), which downloads the rest (needs internet).`) as P,
  kubectlMissing: (() => `kubectl is not installed.\n→ Build the project's own: npm run kube:build, or install kubectl (https://kubernetes.io/docs/tasks/tools/).`) as P,

  // --- failed (exit 1) ---------------------------------------------------------------------
  kindCreateFailed: ((p) => `kind could not create the cluster:\n${p.detail}`) as P<{ detail: string }>,
  kindNoNodeImage: ((p) =>
    `kind ${p.kind} publishes no node image for Kubernetes ${p.version} (tools/kube/kind-node-images.txt lists the ones it does).\n→ Set WHEELHOUSE_KIND_IMAGE to a node image you have, or move the project to a listed version.`) as P<{ version: string; kind: string }>,
  kindCgroupV1: (() =>
    'This machine still uses cgroup v1, which the kubelet of Kubernetes 1.35 and later refuses by default: Wheelhouse tells the kind nodes to run anyway (failCgroupV1: false). Labs work; a host on cgroup v2 is the long-term fix.') as P,
  kindImageOverride: ((p) => `Using the node image ${p.image} (WHEELHOUSE_KIND_IMAGE) instead of the one pinned by digest.`) as P<{ image: string }>,
  kindDeleteFailed: ((p) => `kind could not delete the cluster:\n${p.detail}`) as P<{ detail: string }>,
  kindExistsUnknown: ((p) =>
    `A kind cluster named "${p.name}" exists, but Wheelhouse has no record of it.\n→ If it is a Wheelhouse leftover, delete it: kind delete cluster --name ${p.name}, then run up again.`) as P<{ name: string }>,
  kwokCreateFailed: ((p) => `The simulated cluster could not start:\n${p.detail}`) as P<{ detail: string }>,
  kwokDeleteFailed: ((p) => `The simulated cluster could not be deleted:\n${p.detail}`) as P<{ detail: string }>,
  imagePullFailed: ((p) => `docker could not pull ${p.image}:\n${p.detail}`) as P<{ image: string; detail: string }>,
  imageLoadFailed: ((p) => `kind could not load ${p.image} into the nodes:\n${p.detail}`) as P<{ image: string; detail: string }>,
  existingNoContext: ((p) => `${p.kubeconfig} has no usable context "${p.context}"${p.detail ? ` (${p.detail})` : ''}.\n→ kubectl config get-contexts --kubeconfig ${p.kubeconfig} lists them.`) as P<{ context: string; kubeconfig: string; detail: string }>,
  setupProblems: ((p) => `${p.lab} cannot be set up: its files have problems (a bug in the lab, not your mistake):\n${p.problems}\n→ Every object in setup/ carries the label wheelhouse.dev/lab: ${p.lab}, so that reset can find it.`) as P<{ lab: string; problems: string }>,
  applyFailed: ((p) => `kubectl apply failed for ${p.what}:\n${p.detail}`) as P<{ what: string; detail: string }>,
  cleanStuck: ((p) => `After ${p.seconds} s these are still being deleted: ${p.what}.\n→ Something holds them (a finalizer). Look with kubectl get -o yaml, then run reset again.`) as P<{ seconds: number; what: string }>,
  nodeMissing: ((p) => `${p.lab} changes the node ${p.node}, but the cluster has no such node.\n→ The lab cluster has wheelhouse-control-plane, wheelhouse-worker and wheelhouse-worker2: npm run lab -- down, then up again.`) as P<{ node: string; lab: string }>,
  crdNotEstablished: ((p) => `The API server did not start serving ${p.crds} within 30 s.`) as P<{ crds: string }>,
  labNotUp: ((p) => `${p.lab} is not set up on this cluster (no namespace ${p.namespace}).\n→ npm run lab -- up ${p.lab}`) as P<{ lab: string; namespace: string }>,
  solveFailed: ((p) => `solution/${p.script}.sh failed (exit code ${p.code}).`) as P<{ script: string; code: number }>,

  // --- usage (exit 64) ---------------------------------------------------------------------
  providerMismatch: ((p) => `Wheelhouse already runs a ${p.have} cluster, and one cluster serves every lab.\n→ To switch to ${p.want}: npm run lab -- down, then up again with --provider ${p.want}.`) as P<{ have: string; want: string }>,
  existingNeedsFlags: (() => `--provider existing needs both --kubeconfig FILE and --context NAME: Wheelhouse uses a cluster you already have only when you name it.`) as P,
  alreadyManaging: ((p) => `Wheelhouse already manages a ${p.provider} cluster (${p.kubeconfig}).\n→ npm run lab -- down first, then adopt the other cluster.`) as P<{ provider: string; kubeconfig: string }>,
  noSuchSolution: ((p) => `${p.lab} has no solution script "${p.name}" in ${p.folder}/. Choose one of: ${p.choices}.`) as P<{ lab: string; name: string; folder: string; choices: string }>,
  usageError: ((p) => `${p.message}\nRun npm run lab -- --help for the commands.`) as P<{ message: string }>,
  invalidId: ((p) => `"${p.id}" is not a lab id: a lab id is "lab-" and two digits, like lab-07.`) as P<{ id: string }>,
  unknownLab: ((p) => `There is no lab ${p.id}. The labs are: ${p.labs}.`) as P<{ id: string; labs: string }>,
  brokenLab: ((p) => `${p.id} cannot be used: its files have problems (a bug in the lab, not your mistake).\n${p.details}`) as P<{ id: string; details: string }>,
  usage: (() =>
    [
      'Usage: npm run lab -- COMMAND [LAB] [options]',
      '',
      'Commands:',
      '  up LAB       create the lab cluster if there is none, and set the lab up',
      '  reset LAB    remove everything of the lab and set it up again from the start',
      '  solve LAB    run the lab\'s reference solution (--with NAME for another script)',
      '  status       show the lab cluster, its nodes and the labs on it',
      '  list         list the labs',
      '  down         delete the lab cluster (only one Wheelhouse created)',
      '  images [LAB] list every image the course (or one lab) runs',
      '  prefetch [LAB]  pull those images into Docker and load them into the kind nodes (before class)',
      '',
      'Options:',
      '  --provider kind|kwok|existing   for up: which cluster to create (default: kind if kind and',
      '                                  Docker are there, else kwok, the simulated cluster)',
      '  --kubeconfig FILE               the kubeconfig (default $WHEELHOUSE_KUBECONFIG, else .wheelhouse/kubeconfig)',
      '  --context NAME                  with --provider existing: the context of FILE to use',
      '  --with NAME                     for solve: alt-… or mistake-… instead of solve',
      '  --no-wait                       for up and reset: do not wait for the workloads to start',
      '  --json                          for status, list and images: machine-readable output',
      '  --lang en|ko                    language of messages (default from the locale)',
      '',
      'Exit codes: 0 ok, 1 failed, 2 no cluster, unreachable or refused, 64 usage.',
    ].join('\n')) as P,

  // --- progress ----------------------------------------------------------------------------
  whyKwokNoKind: (() => 'kind is not installed, so Wheelhouse starts the simulated cluster (kwok): every API task works, tasks that need real containers are skipped. For real nodes install kind and Docker, then: npm run lab -- down, up again.') as P,
  whyKwokNoDocker: (() => 'Docker is not installed, so Wheelhouse starts the simulated cluster (kwok): every API task works, tasks that need real containers are skipped.') as P,
  whyKwokKindOld: (() => 'The installed kind is older than Wheelhouse needs (v0.33), so Wheelhouse starts the simulated cluster (kwok): every API task works, tasks that need real containers are skipped. Update kind and use --provider kind for real nodes.') as P,
  whyKwokDockerDown: (() => 'Docker is not running, so Wheelhouse starts the simulated cluster (kwok): every API task works, tasks that need real containers are skipped. Start Docker and use --provider kind for real nodes.') as P,
  kwokDownloads: (() => 'The Kubernetes binaries are not built here: kwokctl downloads them (needs internet, once).') as P,
  stepCreate: ((p) => `Creating the ${p.provider} cluster "${p.name}"`) as P<{ provider: string; name: string }>,
  stepRestart: ((p) => `Starting the stopped ${p.provider} cluster again`) as P<{ provider: string }>,
  stepAdopt: ((p) => `Adopting the context ${p.context} and marking the cluster`) as P<{ context: string }>,
  stepPreload: ((p) => `Loading the images of ${p.addon} into the nodes`) as P<{ addon: string }>,
  stepPull: ((p) => `Pulling ${p.image} (${p.n}/${p.of})`) as P<{ image: string; n: number; of: number }>,
  stepLoadImages: ((p) => `Loading ${p.count} images into the nodes of the kind cluster ${p.name}`) as P<{ count: number; name: string }>,
  prefetchNoKind: ((p) => `The ${p.count} images are in Docker. There is no Wheelhouse kind cluster to load them into yet: after npm run lab -- up LAB --provider kind, run npm run lab -- prefetch again (it needs no network then).`) as P<{ count: number }>,
  prefetchDone: ((p) => `${p.count} images ready (${p.pulled} pulled, ${p.present} already in Docker)${p.cluster ? `, loaded into the nodes of ${p.cluster}` : ''}.`) as P<{ count: number; pulled: number; present: number; cluster: string }>,
  prefetchFailed: ((p) => `${p.count} image(s) could not be pulled:\n${p.details}\n→ Check the network and the names, then run prefetch again: the images already pulled are kept.`) as P<{ count: number; details: string }>,
  stepAddon: ((p) => `Installing ${p.addon} ${p.version}`) as P<{ addon: string; version: string }>,
  stepNodes: ((p) => `Labelling and tainting ${p.nodes}`) as P<{ nodes: string }>,
  stepApply: ((p) => `Applying the starting state of ${p.lab} (namespace ${p.namespace})`) as P<{ lab: string; namespace: string }>,
  stepWait: ((p) => `Waiting for ${p.count} workload(s) to start`) as P<{ count: number }>,
  waitGaveUp: ((p) => `Still starting after ${p.seconds} s; carry on, or look with: kubectl get pods -n ${p.namespace}`) as P<{ seconds: number; namespace: string }>,
  stepClean: ((p) => `Removing everything of ${p.lab} and restoring the nodes`) as P<{ lab: string }>,
  stepDelete: ((p) => `Deleting the ${p.provider} cluster "${p.name}"`) as P<{ provider: string; name: string }>,
  stepReleaseExisting: (() => 'Removing every lab, the node changes and the Wheelhouse marker (the cluster stays)') as P,
  stepSolve: ((p) => `Running solution/${p.script}.sh`) as P<{ script: string }>,

  // --- results -----------------------------------------------------------------------------
  upDone: ((p) =>
    `${p.lab} is ready in the namespace ${p.namespace}.\n  Use the lab cluster from your terminal:  export KUBECONFIG=${p.kubeconfig}\n  Check your work:                         npm run check ${p.lab}`) as P<{ lab: string; namespace: string; kubeconfig: string }>,
  resetDone: ((p) => `${p.lab} is back at its starting state (cleaned in ${p.seconds} s).`) as P<{ lab: string; seconds: string }>,
  solveDone: ((p) => `solution/${p.script}.sh finished. Check it: npm run check ${p.lab}`) as P<{ script: string; lab: string }>,
  downDeleted: (() => 'The lab cluster is deleted.') as P,
  downReleased: (() => 'The labs and the marker are removed; the cluster itself stays, as it is not Wheelhouse\'s.') as P,
  downNothing: (() => 'There is no Wheelhouse cluster to delete.') as P,
  statusNone: ((p) => `No Wheelhouse cluster (no ${p.kubeconfig}). Start one: npm run lab -- up lab-NN`) as P<{ kubeconfig: string }>,
  statusCluster: (() => 'Cluster') as P,
  statusProvider: (() => 'provider') as P,
  statusKubeconfig: (() => 'kubeconfig') as P,
  statusServer: (() => 'server') as P,
  statusVersion: (() => 'version') as P,
  statusOwner: (() => 'managed by Wheelhouse') as P,
  statusNodes: (() => 'Nodes') as P,
  statusLabs: (() => 'Labs set up') as P,
  statusCurrentLab: (() => 'Last lab set up') as P,
  statusSimulated: (() => 'simulated nodes (kwok): tasks that need real containers are skipped') as P,
  statusReal: (() => 'real nodes') as P,
  statusUnreachable: ((p) => `not reachable: ${p.message}`) as P<{ message: string }>,
  statusKindStopped: ((p) => `  The kind node containers are stopped: ${p.names}.\n  → npm run lab -- up LAB starts them again (or: docker start ${p.names}).`) as P<{ names: string }>,
  statusKindGone: ((p) => `  Docker has no node containers of the kind cluster ${p.name} (deleted, or Docker is not running).\n  → npm run lab -- down forgets it; npm run lab -- up LAB makes a new one.`) as P<{ name: string }>,
  yes: (() => 'yes') as P,
  no: (() => 'no') as P,
  none: (() => 'none') as P,
  ownershipNoRecord: (() => 'no (no cluster.json beside the kubeconfig)') as P,
  ownershipNoMarker: (() => 'no (no marker in the cluster)') as P,
  ownershipOtherId: (() => 'no (the marker belongs to another Wheelhouse setup)') as P,
  nodeReady: (() => 'Ready') as P,
  nodeNotReady: (() => 'NotReady') as P,
  listHeader: (() => 'LAB\tMODULE\tMIN\tTITLE') as P,
  listNeedsRealNodes: ((p) => `needs real nodes for ${p.count} of ${p.total} tasks`) as P<{ count: number; total: number }>,

  // --- command-line mistakes (exit 64), for both commands ------------------------------------
  argLang: ((p) => `--lang must be en or ko, not "${p.value}".`) as P<{ value: string }>,
  argOneLab: ((p) => `One lab at a time: got ${p.labs}.`) as P<{ labs: string }>,
  argSeconds: ((p) => `--${p.name} takes a number of seconds (0 < n ≤ 3600), not "${p.value}".`) as P<{ name: string; value: string }>,
  argNeedsFile: ((p) => `--${p.name} needs a file name.`) as P<{ name: string }>,
  argWhichCommand: ((p) => `Which command? One of: ${p.commands}.`) as P<{ commands: string }>,
  argUnknownCommand: ((p) => `Unknown command "${p.command}": use one of ${p.commands}.`) as P<{ command: string; commands: string }>,
  argNeedsLab: ((p) => `${p.command} needs a lab, like: npm run lab -- ${p.command} lab-07`) as P<{ command: string }>,
  argTakesNoLab: ((p) => `${p.command} takes no lab (got ${p.got}).`) as P<{ command: string; got: string }>,
  argProviderForUp: (() => '--provider is for up: the cluster is created once, then every lab uses it.') as P,
  argProviderName: ((p) => `--provider must be kind, kwok or existing, not "${p.value}".`) as P<{ value: string }>,
  argContextForExisting: (() => "--context goes with --provider existing (Wheelhouse's own kubeconfig has one context).") as P,
  argExistingNeeds: (() => '--provider existing needs both --kubeconfig FILE and --context NAME.') as P,
  argWithForSolve: (() => '--with is for solve: npm run lab -- solve lab-07 --with alt-declarative') as P,
  argJsonFor: (() => '--json is for status, list and images.') as P,

  // --- the site's server -------------------------------------------------------------------
  serverBadAddress: (() => 'The address is not a path on this server.') as P,
  serverToken: (() => 'Missing or wrong token. Open the page from the URL that `npm start` printed.') as P,
  serverOrigin: (() => 'Requests that change things must come from the course page itself.') as P,
  serverUnknownLab: ((p) => `There is no lab called "${p.id}".`) as P<{ id: string }>,
  serverBusy: ((p) => `Another step is running: ${p.step}`) as P<{ step: string }>,
  serverProvider: (() => 'provider must be kind or kwok') as P,
  serverNoRoute: (() => 'No such API route. Routes: GET /api/session, GET /api/progress, GET /api/labs/:id, POST /api/labs/:id/check|up|reset') as P,
};


const OTHER_PROVIDER_KO = 'npm run lab -- up LAB --provider existing --kubeconfig FILE --context NAME';

export const labKo: typeof labEn = {
  errNoKubeconfig: (p) => `Wheelhouse 클러스터가 없습니다: ${p.message}.\n→ 먼저 띄우세요: npm run lab -- up lab-NN`,
  errNoCluster: (p) => `Wheelhouse 클러스터가 없습니다(${p.kubeconfig} 없음).\n→ 먼저 띄우세요: npm run lab -- up lab-NN`,
  errUnreachable: (p) => `클러스터에 연결할 수 없습니다: ${p.message}.\n→ npm run lab -- status로 상태를 보고, npm run lab -- up lab-NN으로 다시 시작하세요.`,
  refusedNoRecord: (p) =>
    `${p.kubeconfig}의 클러스터는 변경하지 않습니다: Wheelhouse가 만든 기록(${p.record})이 없습니다. Wheelhouse는 자기가 만든 클러스터만 바꿉니다.\n→ 이미 가진 클러스터를 쓰려면 직접 지정하세요: ${OTHER_PROVIDER_KO}`,
  refusedNoMarker: (p) =>
    `${p.server} 클러스터는 변경하지 않습니다: Wheelhouse 표식(ConfigMap kube-system/wheelhouse-cluster)이 없으니 Wheelhouse가 만든 클러스터가 아닙니다. ${p.kubeconfig}가 이 클러스터를 가리키고 있습니다.\n→ ${p.kubeconfig}가 어떤 클러스터를 가리키는지 확인하거나, 이 클러스터를 직접 지정해 쓰세요: ${OTHER_PROVIDER_KO}`,
  errDenied: (p) => `클러스터가 응답하지만 Wheelhouse를 거부합니다(401/403): ${p.message}.\n→ npm run lab -- status로 kubeconfig가 가리키는 클러스터를 확인하세요. Wheelhouse를 거부하는 클러스터는 바꾸지도 지우지도 않습니다.`,
  kwokLeftover: (p) =>
    `${p.workdir}에 시뮬레이션 클러스터가 이미 있지만 kubeconfig 옆에 그 기록이 없습니다(.wheelhouse 폴더를 지웠나요?). 클러스터의 표식과 맞는 기록 없이는 아무것도 지우지 않습니다.\n→ 이 과정에서 남은 것이라면 지우고 다시 시도하세요:\n  ${p.command}`,
  downUnverified: (p) =>
    `${p.provider} 클러스터 "${p.name}"을(를) 지우지 않습니다: 응답하지 않아(${p.message}) 표식을 확인할 수 없고, 표식 없이는 아무것도 지우지 않습니다.\n→ ${p.provider === 'kind' ? 'Docker를 시작한 뒤 다시 시도하세요' : '클러스터가 다시 돌 때 시도하세요(npm run lab -- up LAB이 시작합니다)'}. 이 과정의 클러스터가 확실하다면 직접 지우세요: ${p.command}`,
  markerExists: (p) =>
    `${p.server} 클러스터에 표식을 남기지 않습니다: 이미 Wheelhouse 표식(ConfigMap kube-system/wheelhouse-cluster, ${p.provider}, ${p.createdAt}부터)이 있어 다른 Wheelhouse 설치가 쓰고 있습니다. 가져오면 그 설치가 거부됩니다.\n→ 표식을 남긴 Wheelhouse 폴더를 쓰세요. 그 설치가 완전히 없어졌다면 먼저 ConfigMap을 지우세요: kubectl -n kube-system delete configmap wheelhouse-cluster`,
  stateUnreadable: (p) =>
    `Wheelhouse 기록 ${p.record}이(가) 있지만 읽을 수 없어(${p.detail}) 아무것도 바꾸지 않았습니다. 아직 실행 중인 클러스터의 기록일 수 있습니다.\n→ 파일을 확인하세요. 손상되었다면 npm run lab -- status로 옆의 kubeconfig가 어느 클러스터에 닿는지 보고, 그 클러스터가 없거나 Wheelhouse의 것이 아님을 확인한 뒤에만 파일을 옮기세요.`,
  refusedOtherId: (p) =>
    `${p.server} 클러스터는 변경하지 않습니다: 클러스터의 Wheelhouse 표식이 ${p.record}와 다른 Wheelhouse 설치의 것입니다.\n→ 이 클러스터를 만든 Wheelhouse 폴더의 kubeconfig를 쓰거나, 그 폴더에서 npm run lab -- down으로 지우세요.`,
  kindMissing: (p) =>
    `kind가 설치되어 있지 않습니다. kind는 실습 클러스터의 노드를 도커(Docker) 컨테이너로 실행합니다.\n→ 설치하세요(${p.url}): \`brew install kind\`, \`go install sigs.k8s.io/kind@latest\`, 또는 릴리스 바이너리를 PATH에 두세요.\n→ 도커 없이 쓰는 시뮬레이션 클러스터도 있습니다: npm run lab -- up lab-NN --provider kwok`,
  kindTooOld: (p) =>
    `kind ${p.have}은(는) 너무 오래되었습니다. Wheelhouse에는 ${p.need} 이상이 필요합니다(네트워크 정책을 적용하고 최신 노드 이미지를 실행합니다).\n→ 업데이트하세요(${p.url}). 예: \`go install sigs.k8s.io/kind@latest\`\n→ 도커 없이 쓰는 시뮬레이션 클러스터도 있습니다: npm run lab -- up lab-NN --provider kwok`,
  dockerMissing: (p) =>
    `도커(Docker)가 설치되어 있지 않습니다. kind는 실습 클러스터의 노드를 도커 컨테이너로 실행합니다.\n→ Docker Desktop이나 Docker Engine을 설치하고(${p.url}) 실행한 뒤 다시 시도하세요.\n→ 도커 없이 쓰는 시뮬레이션 클러스터도 있습니다: npm run lab -- up lab-NN --provider kwok`,
  dockerNotRunning: (p) =>
    `도커는 설치되어 있지만 실행 중이 아닙니다${p.detail ? `(${p.detail})` : ''}.\n→ Docker Desktop을 켜거나 리눅스에서는 \`sudo systemctl start docker\`로 시작한 뒤 다시 시도하세요.\n→ 도커 없이 쓰는 시뮬레이션 클러스터도 있습니다: npm run lab -- up lab-NN --provider kwok`,
  kwokMissing: () =>
    `시뮬레이션 클러스터에 필요한 쿠버네티스 바이너리가 없습니다.\n→ 한 번 빌드하세요: npm run kube:build (Go 1.26 이상 필요),\n→ 또는 kwokctl을 설치하면(https://kwok.sigs.k8s.io/docs/user/installation/) 나머지는 kwokctl이 내려받습니다(인터넷 필요).`,
  kubectlMissing: () => `kubectl이 설치되어 있지 않습니다.\n→ 프로젝트용 kubectl을 빌드하거나(npm run kube:build) kubectl을 설치하세요(https://kubernetes.io/docs/tasks/tools/).`,

  kindCreateFailed: (p) => `kind가 클러스터를 만들지 못했습니다:\n${p.detail}`,
  kindNoNodeImage: (p) =>
    `kind ${p.kind}는 쿠버네티스 ${p.version}용 노드 이미지를 내놓지 않습니다(내놓는 이미지는 tools/kube/kind-node-images.txt에 있습니다).\n→ 가진 노드 이미지를 WHEELHOUSE_KIND_IMAGE로 지정하거나, 프로젝트를 목록에 있는 버전으로 옮기세요.`,
  kindCgroupV1: () =>
    '이 머신은 아직 cgroup v1을 씁니다. 쿠버네티스 1.35부터 kubelet은 기본적으로 cgroup v1에서 실행을 거부하므로, Wheelhouse가 kind 노드에 그래도 실행하라고 설정합니다(failCgroupV1: false). 실습은 그대로 됩니다. 길게 보면 cgroup v2 호스트가 해결책입니다.',
  kindImageOverride: (p) => `다이제스트로 고정된 이미지 대신 노드 이미지 ${p.image}(WHEELHOUSE_KIND_IMAGE)를 씁니다.`,
  kindDeleteFailed: (p) => `kind가 클러스터를 지우지 못했습니다:\n${p.detail}`,
  kindExistsUnknown: (p) => `"${p.name}"라는 kind 클러스터가 이미 있지만 Wheelhouse에는 그 기록이 없습니다.\n→ Wheelhouse가 남긴 것이라면 kind delete cluster --name ${p.name}으로 지우고 다시 up 하세요.`,
  kwokCreateFailed: (p) => `시뮬레이션 클러스터를 시작하지 못했습니다:\n${p.detail}`,
  kwokDeleteFailed: (p) => `시뮬레이션 클러스터를 지우지 못했습니다:\n${p.detail}`,
  imagePullFailed: (p) => `도커가 ${p.image} 이미지를 받지 못했습니다:\n${p.detail}`,
  imageLoadFailed: (p) => `kind가 ${p.image} 이미지를 노드에 올리지 못했습니다:\n${p.detail}`,
  existingNoContext: (p) => `${p.kubeconfig}에 쓸 수 있는 컨텍스트(context) "${p.context}"가 없습니다${p.detail ? `(${p.detail})` : ''}.\n→ kubectl config get-contexts --kubeconfig ${p.kubeconfig}로 목록을 보세요.`,
  setupProblems: (p) => `${p.lab}을(를) 준비할 수 없습니다. 실습 파일에 문제가 있습니다(학습자의 실수가 아니라 실습의 버그입니다):\n${p.problems}\n→ setup/의 모든 오브젝트에는 reset이 찾을 수 있도록 레이블 wheelhouse.dev/lab: ${p.lab}이 붙어 있어야 합니다.`,
  applyFailed: (p) => `${p.what}의 kubectl apply가 실패했습니다:\n${p.detail}`,
  cleanStuck: (p) => `${p.seconds}초가 지나도 다음이 아직 삭제 중입니다: ${p.what}.\n→ 파이널라이저(finalizer)가 붙잡고 있을 수 있습니다. kubectl get -o yaml로 확인한 뒤 reset을 다시 실행하세요.`,
  nodeMissing: (p) => `${p.lab}은(는) 노드 ${p.node}를 바꾸는데, 클러스터에 그런 노드가 없습니다.\n→ 실습 클러스터의 노드는 wheelhouse-control-plane, wheelhouse-worker, wheelhouse-worker2입니다: npm run lab -- down 후 다시 up 하세요.`,
  crdNotEstablished: (p) => `API 서버가 30초 안에 ${p.crds}을(를) 제공하지 못했습니다.`,
  labNotUp: (p) => `${p.lab}이(가) 이 클러스터에 준비되어 있지 않습니다(네임스페이스 ${p.namespace} 없음).\n→ npm run lab -- up ${p.lab}`,
  solveFailed: (p) => `solution/${p.script}.sh가 실패했습니다(종료 코드 ${p.code}).`,

  providerMismatch: (p) => `Wheelhouse는 이미 ${p.have} 클러스터를 쓰고 있고, 클러스터 하나로 모든 실습을 합니다.\n→ ${p.want}(으)로 바꾸려면: npm run lab -- down 후 --provider ${p.want}로 다시 up 하세요.`,
  existingNeedsFlags: () => `--provider existing에는 --kubeconfig FILE과 --context NAME이 모두 필요합니다. Wheelhouse는 이미 가진 클러스터를 직접 지정했을 때만 씁니다.`,
  alreadyManaging: (p) => `Wheelhouse가 이미 ${p.provider} 클러스터(${p.kubeconfig})를 관리하고 있습니다.\n→ 먼저 npm run lab -- down 한 뒤 다른 클러스터를 지정하세요.`,
  noSuchSolution: (p) => `${p.lab}의 ${p.folder}/에 "${p.name}" 풀이 스크립트가 없습니다. 다음 중에서 고르세요: ${p.choices}.`,
  usageError: (p) => `${p.message}\n명령 목록은 npm run lab -- --help로 볼 수 있습니다.`,
  invalidId: (p) => `"${p.id}"은(는) 실습 ID가 아닙니다. 실습 ID는 "lab-"과 두 자리 숫자입니다(예: lab-07).`,
  unknownLab: (p) => `${p.id} 실습은 없습니다. 있는 실습: ${p.labs}.`,
  brokenLab: (p) => `${p.id}을(를) 쓸 수 없습니다. 실습 파일에 문제가 있습니다(학습자의 실수가 아니라 실습의 버그입니다).\n${p.details}`,
  usage: () =>
    [
      '사용법: npm run lab -- 명령 [실습] [옵션]',
      '',
      '명령:',
      '  up LAB       실습 클러스터가 없으면 만들고, 실습을 준비합니다',
      '  reset LAB    실습의 모든 것을 지우고 처음 상태로 다시 준비합니다',
      '  solve LAB    실습의 모범 풀이를 실행합니다(다른 스크립트는 --with NAME)',
      '  status       실습 클러스터와 노드, 준비된 실습을 보여 줍니다',
      '  list         실습 목록을 보여 줍니다',
      '  down         실습 클러스터를 지웁니다(Wheelhouse가 만든 것만)',
      '  images [LAB] 과정 전체(또는 실습 하나)가 실행하는 이미지를 모두 보여 줍니다',
      '  prefetch [LAB]  그 이미지를 도커로 받고 kind 노드에 올립니다(수업 전에)',
      '',
      '옵션:',
      '  --provider kind|kwok|existing   up: 만들 클러스터 종류(기본값: kind와 도커가 있으면 kind,',
      '                                  없으면 시뮬레이션 클러스터인 kwok)',
      '  --kubeconfig FILE               kubeconfig(기본값: $WHEELHOUSE_KUBECONFIG, 없으면 .wheelhouse/kubeconfig)',
      '  --context NAME                  --provider existing와 함께: FILE에서 쓸 컨텍스트',
      '  --with NAME                     solve: solve 대신 alt-… 또는 mistake-… 스크립트',
      '  --no-wait                       up, reset: 워크로드가 뜰 때까지 기다리지 않습니다',
      '  --json                          status, list: 기계가 읽을 수 있는 출력',
      '  --lang en|ko                    메시지 언어(기본값은 로캘에서)',
      '',
      '종료 코드: 0 성공, 1 실패, 2 클러스터 없음·연결 불가·거부, 64 사용법 오류.',
    ].join('\n'),

  whyKwokNoKind: () => 'kind가 설치되어 있지 않아 시뮬레이션 클러스터(kwok)를 띄웁니다. API 과제는 모두 되고, 실제 컨테이너가 필요한 과제는 건너뜁니다. 실제 노드를 쓰려면 kind와 도커를 설치한 뒤 npm run lab -- down 후 다시 up 하세요.',
  whyKwokNoDocker: () => '도커가 설치되어 있지 않아 시뮬레이션 클러스터(kwok)를 띄웁니다. API 과제는 모두 되고, 실제 컨테이너가 필요한 과제는 건너뜁니다.',
  whyKwokKindOld: () => '설치된 kind가 Wheelhouse에 필요한 버전(v0.33)보다 오래되어 시뮬레이션 클러스터(kwok)를 띄웁니다. API 과제는 모두 되고, 실제 컨테이너가 필요한 과제는 건너뜁니다. 실제 노드를 쓰려면 kind를 업데이트하고 --provider kind를 쓰세요.',
  whyKwokDockerDown: () => '도커가 실행 중이 아니라 시뮬레이션 클러스터(kwok)를 띄웁니다. API 과제는 모두 되고, 실제 컨테이너가 필요한 과제는 건너뜁니다. 실제 노드를 쓰려면 도커를 켜고 --provider kind를 쓰세요.',
  kwokDownloads: () => '쿠버네티스 바이너리가 빌드되어 있지 않아 kwokctl이 내려받습니다(처음 한 번, 인터넷 필요).',
  stepCreate: (p) => `${p.provider} 클러스터 "${p.name}" 만드는 중`,
  stepRestart: (p) => `멈춘 ${p.provider} 클러스터를 다시 시작하는 중`,
  stepAdopt: (p) => `컨텍스트 ${p.context}를 가져와 클러스터에 표식을 남기는 중`,
  stepPreload: (p) => `${p.addon} 이미지를 노드에 올리는 중`,
  stepPull: (p) => `${p.image} 받는 중(${p.n}/${p.of})`,
  stepLoadImages: (p) => `이미지 ${p.count}개를 kind 클러스터 ${p.name}의 노드에 올리는 중`,
  prefetchNoKind: (p) => `이미지 ${p.count}개가 도커에 있습니다. 아직 올릴 Wheelhouse kind 클러스터가 없습니다. npm run lab -- up LAB --provider kind 다음에 npm run lab -- prefetch를 한 번 더 실행하세요(그때는 네트워크가 필요 없습니다).`,
  prefetchDone: (p) => `이미지 ${p.count}개 준비 완료(새로 받음 ${p.pulled}, 도커에 이미 있음 ${p.present})${p.cluster ? `, ${p.cluster}의 노드에 올림` : ''}.`,
  prefetchFailed: (p) => `이미지 ${p.count}개를 받지 못했습니다:\n${p.details}\n→ 네트워크와 이름을 확인하고 prefetch를 다시 실행하세요. 이미 받은 이미지는 그대로 있습니다.`,
  stepAddon: (p) => `${p.addon} ${p.version} 설치하는 중`,
  stepNodes: (p) => `${p.nodes}에 레이블과 테인트(taint)를 붙이는 중`,
  stepApply: (p) => `${p.lab}의 시작 상태를 적용하는 중(네임스페이스 ${p.namespace})`,
  stepWait: (p) => `워크로드 ${p.count}개가 뜨기를 기다리는 중`,
  waitGaveUp: (p) => `${p.seconds}초가 지나도 아직 뜨는 중입니다. 그대로 진행하거나 kubectl get pods -n ${p.namespace}로 확인하세요.`,
  stepClean: (p) => `${p.lab}의 모든 것을 지우고 노드를 되돌리는 중`,
  stepDelete: (p) => `${p.provider} 클러스터 "${p.name}" 지우는 중`,
  stepReleaseExisting: () => '모든 실습과 노드 변경, Wheelhouse 표식을 지우는 중(클러스터는 그대로 둡니다)',
  stepSolve: (p) => `solution/${p.script}.sh 실행하는 중`,

  upDone: (p) =>
    `${p.lab} 실습이 네임스페이스 ${p.namespace}에 준비되었습니다.\n  터미널에서 실습 클러스터 쓰기:  export KUBECONFIG=${p.kubeconfig}\n  채점하기:                      npm run check ${p.lab}`,
  resetDone: (p) => `${p.lab}이(가) 시작 상태로 돌아갔습니다(정리 ${p.seconds}초).`,
  solveDone: (p) => `solution/${p.script}.sh가 끝났습니다. 채점하기: npm run check ${p.lab}`,
  downDeleted: () => '실습 클러스터를 지웠습니다.',
  downReleased: () => '실습과 표식을 지웠습니다. 클러스터 자체는 Wheelhouse의 것이 아니므로 그대로 둡니다.',
  downNothing: () => '지울 Wheelhouse 클러스터가 없습니다.',
  statusNone: (p) => `Wheelhouse 클러스터가 없습니다(${p.kubeconfig} 없음). 먼저 띄우세요: npm run lab -- up lab-NN`,
  statusCluster: () => '클러스터',
  statusProvider: () => '프로바이더',
  statusKubeconfig: () => 'kubeconfig',
  statusServer: () => '서버',
  statusVersion: () => '버전',
  statusOwner: () => 'Wheelhouse가 관리',
  statusNodes: () => '노드',
  statusLabs: () => '준비된 실습',
  statusCurrentLab: () => '마지막으로 준비한 실습',
  statusSimulated: () => '시뮬레이션 노드(kwok): 실제 컨테이너가 필요한 과제는 건너뜁니다',
  statusReal: () => '실제 노드',
  statusUnreachable: (p) => `연결 불가: ${p.message}`,
  statusKindStopped: (p) => `  kind 노드 컨테이너가 멈춰 있습니다: ${p.names}.\n  → npm run lab -- up LAB으로 다시 시작하세요(또는 docker start ${p.names}).`,
  statusKindGone: (p) => `  도커에 kind 클러스터 ${p.name}의 노드 컨테이너가 없습니다(지워졌거나 도커가 실행 중이 아닙니다).\n  → npm run lab -- down으로 기록을 지우고, npm run lab -- up LAB으로 새로 만드세요.`,
  yes: () => '예',
  no: () => '아니요',
  none: () => '없음',
  ownershipNoRecord: () => '아니요(kubeconfig 옆에 cluster.json 없음)',
  ownershipNoMarker: () => '아니요(클러스터에 표식 없음)',
  ownershipOtherId: () => '아니요(다른 Wheelhouse 설치의 표식)',
  nodeReady: () => 'Ready',
  nodeNotReady: () => 'NotReady',
  listHeader: () => '실습\t모듈\t분\t제목',
  listNeedsRealNodes: (p) => `과제 ${p.total}개 중 ${p.count}개는 실제 노드 필요`,

  argLang: (p) => `--lang은 en 또는 ko여야 합니다("${p.value}"가 아님).`,
  argOneLab: (p) => `실습은 한 번에 하나만 지정하세요: ${p.labs}`,
  argSeconds: (p) => `--${p.name}에는 초 단위 숫자를 주세요(0 < n ≤ 3600). "${p.value}"는 쓸 수 없습니다.`,
  argNeedsFile: (p) => `--${p.name}에는 파일 이름이 필요합니다.`,
  argWhichCommand: (p) => `어떤 명령인가요? 다음 중 하나: ${p.commands}.`,
  argUnknownCommand: (p) => `알 수 없는 명령 "${p.command}": ${p.commands} 중 하나를 쓰세요.`,
  argNeedsLab: (p) => `${p.command}에는 실습이 필요합니다. 예: npm run lab -- ${p.command} lab-07`,
  argTakesNoLab: (p) => `${p.command}는 실습을 받지 않습니다(받은 값: ${p.got}).`,
  argProviderForUp: () => '--provider는 up에만 씁니다. 클러스터는 한 번 만들고 모든 실습이 함께 씁니다.',
  argProviderName: (p) => `--provider는 kind, kwok, existing 중 하나여야 합니다("${p.value}"가 아님).`,
  argContextForExisting: () => '--context는 --provider existing과 함께 씁니다(Wheelhouse 자체 kubeconfig에는 컨텍스트가 하나뿐입니다).',
  argExistingNeeds: () => '--provider existing에는 --kubeconfig FILE과 --context NAME이 모두 필요합니다.',
  argWithForSolve: () => '--with는 solve에만 씁니다: npm run lab -- solve lab-07 --with alt-declarative',
  argJsonFor: () => '--json은 status, list, images에만 씁니다.',

  serverBadAddress: () => '이 서버의 경로가 아닌 주소입니다.',
  serverToken: () => '토큰이 없거나 맞지 않습니다. `npm start`가 출력한 주소로 페이지를 여세요.',
  serverOrigin: () => '무언가를 바꾸는 요청은 강의 페이지 자체에서 와야 합니다.',
  serverUnknownLab: (p) => `그런 실습은 없습니다: ${p.id}`,
  serverBusy: (p) => `다른 작업이 진행 중입니다: ${p.step}`,
  serverProvider: () => 'provider는 kind 또는 kwok여야 합니다',
  serverNoRoute: () => '그런 API 경로는 없습니다. 경로: GET /api/session, GET /api/progress, GET /api/labs/:id, POST /api/labs/:id/check|up|reset',
};
