import { roomScope } from "./memory-scopes.js";
import type { MessageLog } from "./message-log.js";
import { updateGoals } from "./open-goals.js";
import { foldIntoSummary, type RoomSummary, type SummaryTurn } from "./running-summary.js";
import { shortTermWindow, type WindowSettings } from "./short-term-window.js";
import type { WorkingMemory } from "./working-memory.js";

/** Writes a summary with a real chat model (see `summariseWithModel`). */
export type SummaryWriter = (
  summary: RoomSummary | undefined,
  turns: SummaryTurn[],
) => Promise<RoomSummary | undefined>;

/** Options of `RoomMemory`. */
export interface RoomMemoryOptions {
  working: WorkingMemory;
  log: MessageLog;
  settings: WindowSettings;
  /** With a real chat model: writes the summary in batches. Default: the extractive summary after every turn. */
  writer?: SummaryWriter;
  /** Told when the writer failed and the extractive summary was used instead. */
  onWriterError?: (error: unknown) => void;
}

/** Turns read beyond the short-term window, so a burst of turns leaving it at once is not missed. */
const FOLD_SLACK = 8;
/** A model writes the summary once this many turns have left the window, not after every turn. */
const WRITER_BATCH = 8;

/**
 * The working memory of a room: its open goals and the running summary of
 * the turns that left the short-term window. Offline, the summary is folded
 * extractively after every turn; with a `writer` it is written by the chat
 * model once a batch of turns has left the window. The room's document is
 * written only when it changes.
 */
export class RoomMemory {
  private readonly options: RoomMemoryOptions;
  /**
   * The newest turn folded per room. It runs ahead of the stored summary's
   * `through` when folding changed nothing worth a write (small talk);
   * after a restart those turns are folded again, which changes nothing.
   */
  private readonly folded = new Map<string, number>();

  constructor(options: RoomMemoryOptions) {
    this.options = options;
  }

  /** The room's summary and open goals, for the prompt. */
  view(room: string): { summary?: RoomSummary; goals: string[] } {
    const document = this.options.working.get(roomScope(room));
    return { summary: document.summary, goals: document.goals ?? [] };
  }

  /**
   * Updates the room after a turn: goals from what the user said, and the
   * extractive summary. Returns true when a batch is ready for the writer:
   * the caller then runs `summarise` in the room's order.
   */
  updateAfterTurn(room: string, text: string, now = Date.now()): boolean {
    const scope = roomScope(room);
    const current = this.options.working.get(scope);
    const open = current.goals ?? [];
    const goals = updateGoals(open, text);
    const fallen = this.fallen(room, current.summary);
    if (this.options.writer) {
      if (goals !== open) {
        this.options.working.update(scope, now, (document) => {
          document.goals = goals;
        });
      }
      return fallen.length >= WRITER_BATCH;
    }
    const summary = fallen.length > 0 ? foldIntoSummary(current.summary, fallen) : current.summary;
    if (summary) this.folded.set(room, summary.through);
    const changed = JSON.stringify(summary?.sentences) !== JSON.stringify(current.summary?.sentences);
    if (goals !== open || changed) {
      this.options.working.update(scope, now, (document) => {
        document.goals = goals;
        if (summary) document.summary = summary;
      });
    }
    return false;
  }

  /** Folds the turns that left the window with the writer (extractively if it fails or has nothing to say). */
  async summarise(room: string, now = Date.now()): Promise<void> {
    const { writer, working } = this.options;
    const scope = roomScope(room);
    const current = working.get(scope).summary;
    const fallen = this.fallen(room, current);
    if (!writer || fallen.length < WRITER_BATCH) return;
    let summary: RoomSummary | undefined;
    try {
      summary = await writer(current, fallen);
    } catch (error) {
      this.options.onWriterError?.(error);
    }
    working.update(scope, now, (document) => {
      document.summary = summary ?? foldIntoSummary(document.summary, fallen);
    });
  }

  private fallen(room: string, summary: RoomSummary | undefined): SummaryTurn[] {
    const { settings, log } = this.options;
    const through = Math.max(summary?.through ?? 0, this.folded.get(room) ?? 0);
    const turns = log.recent(room, settings.shortTermTurns + FOLD_SLACK);
    return shortTermWindow(turns, settings).fallen.filter((turn) => turn.id > through);
  }
}
