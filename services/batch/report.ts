/** How a long batch tells whoever runs it how far it is (the batch worker relays it to `batch.progress`). */
export type BatchReport = (phase: string, done: number, total: number) => void;
