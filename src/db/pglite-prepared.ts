import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';
import { isStalePrepared, renamePrepared } from './prepared.ts';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

/** What Describe told of a prepared statement: its parameters' types and its rows' description (none: no rows). */
interface Statement {
  paramTypes: readonly number[];
  rows: BackendMessage | null;
}

const wire = protocol.serialize;

/**
 * Named prepared statements on PGlite's one session. `pglite.query` sends Parse, Describe, Bind, Describe, Execute
 * and Sync, each a call into the WebAssembly, and PostgreSQL parses and plans the text every time; here the first
 * execution sends Parse + Describe once, and every execution one Bind + Execute + Sync.
 * A statement is remembered only once its Parse succeeded (a Parse refused in an aborted transaction leaves
 * nothing behind). One per PGlite: a reopened PGlite starts with none.
 */
export class PGlitePrepared {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly pglite: PGlite) {}

  async query<R>(name: string, text: string, params: readonly unknown[]): Promise<Results<R>> {
    try {
      return await this.run<R>(name, text, params);
    } catch (e) {
      if (!isStalePrepared(e)) throw e;
      await this.forget(name);
      const renamed = renamePrepared(text, name);
      // Inside a transaction block the error has aborted it: the caller's transaction fails, the next one re-prepares.
      if (this.pglite.isInTransaction()) throw e;
      return await this.run<R>(renamed, text, params);
    }
  }

  private async run<R>(name: string, text: string, params: readonly unknown[]): Promise<Results<R>> {
    const statement = this.statements.get(name) ?? (await this.prepare(name, text));
    const values = params.map((p, i) => this.serialize(p, statement.paramTypes[i]));
    const messages = await this.exchange(wire.bind({ statement: name, values }), wire.execute({}), wire.sync());
    const [result] = parse.parseResults(statement.rows ? [statement.rows, ...messages] : messages, this.pglite.parsers);
    if (!result) throw new Error(`prepared statement ${name} returned no result`);
    return result as Results<R>;
  }

  private async prepare(name: string, text: string): Promise<Statement> {
    const messages = await this.exchange(wire.parse({ name, text }), wire.describe({ type: 'S', name }), wire.sync());
    const statement = {
      paramTypes: parse.parseDescribeStatementResults(messages),
      rows: messages.find((m) => m.name === 'rowDescription') ?? null,
    };
    this.statements.set(name, statement);
    return statement;
  }

  /** Drops a stale statement; closing one that no longer exists is no error. */
  private async forget(name: string): Promise<void> {
    if (!this.statements.delete(name)) return;
    await this.pglite.runExclusive(() => this.pglite.execProtocolStream(Buffer.concat([wire.close({ type: 'S', name }), wire.sync()]), { throwOnError: false }));
  }

  /** As `pglite.query` does: null stays null, a type with a serializer uses it, anything else its text. */
  private serialize(param: unknown, oid: number | undefined): string | null {
    if (param === null || param === undefined) return null;
    const serializer = oid === undefined ? undefined : this.pglite.serializers[oid];
    return serializer ? serializer(param) : String(param);
  }

  private exchange(...parts: Uint8Array[]): Promise<BackendMessage[]> {
    return this.pglite.runExclusive(() => this.pglite.execProtocolStream(Buffer.concat(parts)));
  }
}
