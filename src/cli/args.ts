/** Options of the review commands: `--name value` pairs and flags, taken out of the argument list. */
import { UsageError } from './sidecarCommands';

export class Args {
  private readonly rest: string[];

  constructor(args: readonly string[]) {
    this.rest = [...args];
  }

  /** The values of every `--name value` (and `--name=value`), removed from the list. */
  all(name: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.rest.length; ) {
      const a = this.rest[i]!;
      if (a === name) {
        const v = this.rest[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
        out.push(v);
        this.rest.splice(i, 2);
      } else if (a.startsWith(`${name}=`)) {
        out.push(a.slice(name.length + 1));
        this.rest.splice(i, 1);
      } else i++;
    }
    return out;
  }

  /** The value of `--name value`; given twice is an error. */
  option(name: string): string | undefined {
    const values = this.all(name);
    if (values.length > 1) throw new UsageError(`${name} is given more than once`);
    return values[0];
  }

  /** One of `choices` (the first is the default). */
  choice<T extends string>(name: string, choices: readonly T[]): T {
    const v = this.option(name) ?? choices[0]!;
    if (!choices.includes(v as T)) throw new UsageError(`${name} must be one of ${choices.join(', ')}`);
    return v as T;
  }

  flag(name: string): boolean {
    const i = this.rest.indexOf(name);
    if (i < 0) return false;
    this.rest.splice(i, 1);
    return true;
  }

  /** What is left: the paths. An unknown option is an error, not a path. */
  positional(): string[] {
    const unknown = this.rest.find((a) => a.startsWith('--'));
    if (unknown) throw new UsageError(`unknown option '${unknown}'`);
    return [...this.rest];
  }
}
