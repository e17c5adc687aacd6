import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAll } from 'js-yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';

// Schema validation with the Kubernetes OpenAPI schemas bundled in kubernetes-models (no network).
const DIR = fileURLToPath(new URL('../../deploy/', import.meta.url));
const MODELS: Record<string, new (o: never) => { validate(): void }> = { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, Deployment };

const docs = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) => loadAll(readFileSync(DIR + f, 'utf8')).map((obj) => ({ file: f, obj: obj as { kind: string; [k: string]: unknown } })));
const deployment = docs.find((d) => d.obj.kind === 'Deployment')!.obj as unknown as {
  spec: { replicas: number; template: { spec: Record<string, any> } };
};

describe('deploy/ manifests', () => {
  it('are valid against the Kubernetes schemas', () => {
    expect(docs.length).toBeGreaterThanOrEqual(6);
    for (const { file, obj } of docs) {
      const Model = MODELS[obj.kind];
      expect(Model, `${file}: no schema for ${obj.kind}`).toBeDefined();
      expect(() => new Model!(obj as never).validate(), file).not.toThrow();
    }
  });

  it('lists every manifest but the example Secret in the kustomization', () => {
    const k = loadAll(readFileSync(DIR + 'kustomization.yaml', 'utf8'))[0] as { resources: string[] };
    const files = new Set(docs.map((d) => d.file).filter((f) => f !== 'secret.example.yaml'));
    expect(new Set(k.resources)).toEqual(files);
  });

  it('probes the health endpoints the bot serves', () => {
    const c = deployment.spec.template.spec.containers[0];
    expect(c.startupProbe.httpGet.path).toBe('/healthz');
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.ports[0].containerPort).toBe(8080);
  });

  it('runs locked down: non-root, read-only root, no capabilities, no privilege escalation', () => {
    const pod = deployment.spec.template.spec;
    const c = pod.containers[0];
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(c.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(c.resources.limits.memory).toBeDefined();
  });

  it('keeps tokens in a Secret and data on a PVC, with one replica for SQLite', () => {
    const pod = deployment.spec.template.spec;
    const c = pod.containers[0];
    expect(c.envFrom.some((e: { secretRef?: unknown }) => e.secretRef)).toBe(true);
    expect(JSON.stringify(c.env ?? [])).not.toMatch(/TOKEN/);
    expect(pod.volumes.find((v: { name: string }) => v.name === 'data').persistentVolumeClaim.claimName).toBeDefined();
    expect(deployment.spec.replicas).toBe(1);
  });
});
