export interface Migration {
  /** 1, 2, 3…: applied in order, each once, each in its own transaction. */
  version: number;
  name: string;
  /** Never edit once landed: its checksum is recorded and a changed one is refused. */
  sql: string;
}
