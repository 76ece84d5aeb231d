import { z } from "zod";

/** The layout version of a backup folder; `troupe restore` refuses others. */
export const BACKUP_FORMAT = 1;

/** `manifest.json` of a backup folder: what it is and when it was made. */
export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  /** The `vector_indexes` names whose files are in `index/`. */
  indexFiles: z.array(z.string()),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
