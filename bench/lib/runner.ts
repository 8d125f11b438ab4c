import { median } from './stats.js';
import type { Metric, RunContext, Scenario, TargetName } from './types.js';

export interface MetricResult {
  name: string;
  unit: Metric['unit'];
  better: Metric['better'];
  /** Every round's value per target, in round order, kept in the JSON for later scrutiny. */
  rounds: Partial<Record<TargetName, number[]>>;
  /** The figure the report shows: the median over rounds. */
  median: Partial<Record<TargetName, number>>;
}

export interface ScenarioResult {
  name: string;
  description: string;
  targets: TargetName[];
  metrics: MetricResult[];
  /** Rounds in which a target's run threw; its other rounds still count. */
  errors: Partial<Record<TargetName, { round: number; message: string }[]>>;
  seconds: number;
}

/**
 * Runs one scenario for several rounds. Each round starts with a different target (the
 * order rotates), so slow drift on the machine — page cache, CPU frequency, a neighbour's
 * load — falls on every target alike rather than always on the one that runs second.
 */
export async function runScenario(scenario: Scenario, ctx: RunContext): Promise<ScenarioResult> {
  const started = Date.now();
  const byName = new Map<string, MetricResult>();
  const errors: ScenarioResult['errors'] = {};
  const { rounds } = ctx.settings;
  for (let round = 0; round < rounds; round++) {
    for (const target of rotate(scenario.targets, round)) {
      // A failed round does not end the target's run: an intermittent failure is itself worth
      // seeing as "1 of 2 rounds", and the rounds that worked still give figures.
      try {
        const measurement = await scenario.run(target, ctx);
        for (const metric of measurement.metrics) {
          let result = byName.get(metric.name);
          if (!result) byName.set(metric.name, (result = { name: metric.name, unit: metric.unit, better: metric.better, rounds: {}, median: {} }));
          (result.rounds[target] ??= []).push(metric.value);
        }
        ctx.log(`${scenario.name} round ${round + 1}/${rounds} ${target}: ${summary(measurement.metrics)}`);
      } catch (err) {
        (errors[target] ??= []).push({ round: round + 1, message: (err as Error).message });
        ctx.log(`${scenario.name} round ${round + 1}/${rounds} ${target} FAILED: ${(err as Error).message}`);
      }
    }
  }
  const metrics = [...byName.values()];
  for (const metric of metrics) {
    for (const [target, values] of Object.entries(metric.rounds) as [TargetName, number[]][]) {
      metric.median[target] = median(values);
    }
  }
  return {
    name: scenario.name,
    description: scenario.description,
    targets: scenario.targets,
    metrics,
    errors,
    seconds: (Date.now() - started) / 1000,
  };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function summary(metrics: Metric[]): string {
  return metrics.map((m) => `${m.name} ${m.value.toFixed(m.unit === 'TPS' ? 0 : 1)} ${m.unit}`).join('; ');
}
