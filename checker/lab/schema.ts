// The shape of labs/<lab-NN-name>/lab.yaml. Every field is described: the descriptions become the
// committed JSON Schema (labs/lab.schema.json) that editors use to complete and check lab.yaml.
import { z } from 'zod';

/** Text in both course languages. */
export const localizedSchema = z
  .object({
    en: z.string().min(1).describe('English text.'),
    ko: z.string().min(1).describe('Korean text (natural technical Korean; English term in parentheses on first use).'),
  })
  .strict()
  .describe('Text in English and Korean.');
export type Localized = z.infer<typeof localizedSchema>;

export const labIdSchema = z
  .string()
  .regex(/^lab-\d{2}$/, 'a lab id is "lab-" and two digits, like lab-07')
  .describe('The lab id, "lab-" and two digits. The folder is named after it: labs/lab-07-rolling-update/.');

export const taskIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a task id is lower-case words joined by hyphens, like web-scaled')
  .describe('Stable task id (kebab-case). Used as the key in checks.ts and in JSON and JUnit results: never rename a published one.');

export const clauseIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a clause id is lower-case words joined by hyphens, like one-container')
  .describe('Clause id (kebab-case), unique within its task. A mistake names it in its header: "# fails: TASK/CLAUSE".');

export const taintSchema = z
  .object({
    key: z.string().describe('Taint key.'),
    value: z.string().optional().describe('Taint value (optional).'),
    effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).describe('Taint effect.'),
  })
  .strict();

export const nodeChangeSchema = z
  .object({
    node: z
      .enum(['wheelhouse-control-plane', 'wheelhouse-worker', 'wheelhouse-worker2'])
      .describe('Which node of the lab cluster to change.'),
    labels: z.record(z.string(), z.string()).optional().describe('Labels `lab up` adds to the node; `lab reset` removes them.'),
    taints: z.array(taintSchema).optional().describe('Taints `lab up` adds to the node; `lab reset` removes them.'),
  })
  .strict()
  .describe('A change to a node that the starting state needs. Reverted by `lab reset`.');

export const taskSchema = z
  .object({
    id: taskIdSchema,
    points: z.number().int().min(1).max(10).default(1).describe('Points for this task in the lab score.'),
    title: localizedSchema.describe('Short task title, shown in reports and on the lab page.'),
    text: localizedSchema.describe('What the learner must do (Markdown). Describe the result wanted, not the commands.'),
    hint: localizedSchema.describe('A nudge shown when the task fails (Markdown). Point at the concept or command, do not give the answer.'),
    clauses: z
      .record(clauseIdSchema, z.string().min(3))
      .default({})
      .describe(
        'For lab authors (not shown to learners): every verifiable statement of the task text, as clause id → what it requires ("one-container": "exactly one container"). Every clause has a check in checks.ts and at least one solution/mistake-*.sh that breaks it alone ("# fails: TASK/CLAUSE").',
      ),
    runtime: z
      .enum(['api', 'containers'])
      .default('api')
      .describe(
        '"api" if the check reads API objects alone (graded on every cluster); "containers" if it needs real containers (exec, logs, traffic): graded on kind only, reported as "needs real nodes" on the simulated cluster.',
      ),
    dependsOn: z
      .array(taskIdSchema)
      .default([])
      .describe('Tasks that must pass before this one is graded; if one fails, this task is skipped.'),
    negative: z
      .boolean()
      .default(false)
      .describe('True when the task asserts that something is NOT possible or NOT present; graded after the others settle, on two consecutive samples.'),
  })
  .strict();
export type Task = z.infer<typeof taskSchema>;

export const addonSchema = z
  .object({
    name: z.string().describe('Add-on name, e.g. metrics-server.'),
    version: z.string().describe('Pinned version.'),
    manifest: z
      .string()
      .describe('Path (inside the lab folder) or https URL of the manifest to apply, pinned to the version. A folder with a kustomization.yaml is applied with `kubectl apply -k` (an upstream manifest plus the lab\'s patches).'),
    images: z.array(z.string()).default([]).describe('Images to preload into kind nodes so a workshop does not pull them at the last minute.'),
    providers: z
      .array(z.enum(['kind', 'kwok', 'existing']))
      .default(['kind'])
      .describe('Providers that install it. CRDs needed by API-level checks belong on kwok too.'),
  })
  .strict()
  .describe('An add-on the lab installs in its setup.');

export const labSchema = z
  .object({
    id: labIdSchema,
    module: z.number().int().min(1).max(16).describe('The course module (lesson) this lab belongs to, 1–16.'),
    title: localizedSchema.describe('Lab title.'),
    summary: localizedSchema.describe('One or two sentences: what the learner will do and learn.'),
    minutes: z.number().int().min(5).max(180).describe('Estimated time to finish, in minutes.'),
    namespace: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      .optional()
      .describe('The namespace the lab works in. Defaults to the lab id (lab-07).'),
    broken: z.boolean().default(false).describe('True for troubleshooting labs: the starting state is broken on purpose.'),
    nodes: z
      .array(nodeChangeSchema)
      .default([])
      .describe('Node labels and taints the starting state needs (the topology is always one control plane and two workers).'),
    addons: z.array(addonSchema).default([]).describe('Add-ons installed by the lab setup, pinned.'),
    tasks: z.array(taskSchema).min(1).describe('The tasks, in the order the learner does them. One check per task in checks.ts.'),
  })
  .strict()
  .superRefine((lab, ctx) => {
    const ids = new Set<string>();
    lab.tasks.forEach((t, i) => {
      if (ids.has(t.id)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `duplicate task id "${t.id}"`, params: { fix: 'give each task its own id' } });
      }
      ids.add(t.id);
    });
    lab.tasks.forEach((t, i) =>
      t.dependsOn.forEach((d, j) => {
        if (!ids.has(d)) {
          ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn', j], message: `unknown task "${d}"`, params: { fix: `name a task of this lab: ${[...ids].join(', ')}` } });
        }
      }),
    );
    // A cycle would make the checker wait forever for a task that waits for it.
    const deps = new Map(lab.tasks.map((t) => [t.id, t.dependsOn]));
    const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
      (deps.get(from) ?? []).some((d) => d === target || (!seen.has(d) && (seen.add(d), reaches(d, target, seen))));
    lab.tasks.forEach((t, i) => {
      if (reaches(t.id, t.id)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn'], message: `task "${t.id}" depends on itself through dependsOn`, params: { fix: 'remove a dependency so the tasks form no cycle' } });
      }
    });
  });
export type Lab = z.infer<typeof labSchema>;
