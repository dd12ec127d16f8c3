import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontierCommand, optimizeCommand } from '../../electron/cli/commands/optimize';
import { reportError, type CliIo, type CommandResult } from '../../electron/cli/io';
import { optimizerErrorCode } from '../../shared/optimizer/errors';
import { STOCKS_CSV, expectAllClose } from './helpers';

/** Runs a command in-process the way runCli does (JSON or text on stdout; errors through reportError). */
async function run(command: (argv: string[], io: CliIo) => Promise<CommandResult>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdin: async () => '', env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const json = argv.includes('--json');
  let code = 0;
  try {
    const result = await command(argv, io);
    io.stdout((json ? JSON.stringify(result.json) : result.text) + '\n');
  } catch (error) {
    code = reportError(io, error, json);
  }
  return { code, stdout, stderr, json: json ? (JSON.parse(stdout) as Record<string, unknown>) : undefined };
}

describe('strata optimize', () => {
  it('prints weights, return, volatility and Sharpe ratio (test_max_sharpe_long_only numbers)', async () => {
    const out = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'max-sharpe', '--risk-free', '0.02', '--json']);
    expect(out.code).toBe(0);
    const j = out.json as { weights: Record<string, number>; expectedReturn: number; volatility: number; sharpe: number };
    expect(Object.keys(j)).toEqual(['weights', 'expectedReturn', 'volatility', 'sharpe']);
    expect(Object.keys(j.weights)).toHaveLength(20);
    expectAllClose([j.expectedReturn, j.volatility, j.sharpe], [0.3047768672819914, 0.22165566922402932, 1.2847714127003216], 1e-9);
  });

  it('takes models, bounds and targets (test_efficient_risk_short, test_max_quadratic_utility)', async () => {
    const risk = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'efficient-risk', '--target', '0.19', '--bounds=-1,1', '--json']);
    expectAllClose([risk.json?.expectedReturn as number, risk.json?.volatility as number, risk.json?.sharpe as number], [0.30035471606347336, 0.19, 1.4755511348079207], 0, 1e-8);
    // a negative number is a value: `--bounds -1,1` (two arguments) gives the same portfolio as `--bounds=-1,1`
    const spaced = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'efficient-risk', '--target', '0.19', '--bounds', '-1,1', '--json']);
    expect(spaced.code).toBe(0);
    expect(spaced.json).toEqual(risk.json);
    // a flag after a value-taking option is still a flag, and an unknown one is still refused
    const flag = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--bounds', '--json']);
    expect(flag.code).toBe(2);
    const util = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'max-utility', '--risk-aversion', '2', '--json']);
    expectAllClose(util.json?.expectedReturn as number, 0.3677732711751504, 1e-9);
    const hrp = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'hrp', '--returns', 'mean', '--json']);
    expectAllClose((hrp.json?.weights as Record<string, number>).XOM as number, 0.11175337115721229, 1e-12);
    expectAllClose(hrp.json?.volatility as number, 0.17844159743748936, 1e-12);
    const text = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'min-volatility', '--risk-model', 'ledoit-wolf']);
    expect(text.stdout).toMatch(/^\S+ +\d+\.\d\d%\n/);
    expect(text.stdout).toMatch(/\nExpected annual return: \d+\.\d\d%\nAnnual volatility: \d+\.\d\d%\nSharpe ratio: \d\.\d{3}\n$/);
  });

  it('reports bad input with stable codes', async () => {
    const missing = await run(optimizeCommand, ['--objective', 'max-sharpe', '--json']);
    expect([missing.code, missing.json]).toEqual([2, { error: { code: 'INVALID_INPUT', message: 'Missing --prices' } }]);
    const objective = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'best', '--json']);
    expect((objective.json?.error as { message: string }).message).toBe('--objective must be one of max-sharpe, min-volatility, efficient-risk, efficient-return, max-utility, risk-parity, hrp');
    const nofile = await run(optimizeCommand, ['--prices', '/nonexistent/prices.csv', '--objective', 'max-sharpe', '--json']);
    expect([nofile.code, nofile.json]).toEqual([1, { error: { code: 'IO_ERROR', message: 'Cannot read the price file "/nonexistent/prices.csv": ENOENT' } }]);
    const dir = await mkdtemp(join(tmpdir(), 'strata-apo-'));
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'date,A,B\n2021-01-01,1,2\n2021-01-02,x,2\n');
    const parsed = await run(optimizeCommand, ['--prices', bad, '--objective', 'max-sharpe', '--json']);
    expect(parsed.json).toEqual({ error: { code: optimizerErrorCode('PRICES_INVALID'), message: 'line 3, column "A": "x" is not a number' } });
    expect(parsed.stderr).toBe(`strata: ${optimizerErrorCode('PRICES_INVALID')}: line 3, column "A": "x" is not a number\n`);
    const target = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'efficient-return', '--target', '0.5', '--json']);
    expect(target.json).toEqual({ error: { code: optimizerErrorCode('TARGET_OUT_OF_RANGE'), message: 'Target return 0.5 is above the highest expected return these constraints allow (0.388666)' } });
    const infeasible = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'min-volatility', '--bounds', '0.06,1', '--json']);
    expect(infeasible.json).toEqual({ error: { code: optimizerErrorCode('OPTIMIZER_INFEASIBLE'), message: 'Sum of minimum weights 1.2 > 1' } });
    // issue 14: `--bounds -1,1` used to fail as an ambiguous argument; a negative number is a value
    const dash = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'min-volatility', '--bounds', '-1,1', '--json']);
    const equals = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'min-volatility', '--bounds=-1,1', '--json']);
    expect([dash.code, dash.json]).toEqual([0, equals.json]);
    expect(Object.values(dash.json?.weights as Record<string, number>).some((w) => w < 0)).toBe(true);
    const number = await run(optimizeCommand, ['--prices', STOCKS_CSV, '--objective', 'efficient-risk', '--target', 'high', '--json']);
    expect(number.json).toEqual({ error: { code: 'INVALID_INPUT', message: '--target must be a number' } });
  });
});

describe('strata frontier', () => {
  it('prints the points from minimum volatility to maximum return', async () => {
    const out = await run(frontierCommand, ['--prices', STOCKS_CSV, '--points', '5', '--json']);
    const points = out.json?.points as { expectedReturn: number; volatility: number; sharpe: number; weights: Record<string, number> }[];
    expect(points).toHaveLength(5);
    expect(Object.keys(points[0] as object)).toEqual(['expectedReturn', 'volatility', 'sharpe', 'weights']);
    expectAllClose([points[0]?.expectedReturn, points[0]?.volatility, points[0]?.sharpe] as number[], [0.15056821399482578, 0.15915084514118694, 0.8204054077060996], 1e-9);
    expect(points[4]?.weights.MA).toBeCloseTo(1, 12);
    const text = await run(frontierCommand, ['--prices', STOCKS_CSV, '--points', '3']);
    expect(text.stdout.split('\n')).toHaveLength(5);
    const bad = await run(frontierCommand, ['--prices', STOCKS_CSV, '--points', 'many', '--json']);
    expect(bad.json).toEqual({ error: { code: 'INVALID_INPUT', message: '--points must be a whole number' } });
  });
});

describe('strata optimize on crypto prices', () => {
  it('annualizes with --frequency 365 and uses the chosen models', async () => {
    const { readFileSync } = await import('node:fs');
    const { dailyReturns } = await import('../../shared/optimizer/dailyReturns');
    const { parsePrices } = await import('../../shared/optimizer/parsePrices');
    const { expectedReturns } = await import('../../shared/optimizer/expectedReturns');
    const { riskModel } = await import('../../shared/optimizer/riskModel');
    const { optimize } = await import('../../shared/optimizer/optimize');
    const { CRYPTO_CSV } = await import('./helpers');
    const r = dailyReturns(parsePrices(readFileSync(CRYPTO_CSV, 'utf8')));
    const expected = optimize({ assets: r.assets, mu: expectedReturns(r, { method: 'ema', frequency: 365 }), sigma: riskModel(r, { method: 'exp', frequency: 365 }), objective: 'max-sharpe', riskFreeRate: 0.04, constraints: { bounds: [0, 0.25] } });
    const out = await run(optimizeCommand, ['--prices', CRYPTO_CSV, '--objective', 'max-sharpe', '--returns', 'ema', '--risk-model', 'exp', '--frequency', '365', '--risk-free', '0.04', '--bounds', '0,0.25', '--json']);
    expect(out.json).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});
