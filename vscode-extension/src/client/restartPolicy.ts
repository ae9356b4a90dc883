/**
 * Decides whether a crashed server is restarted: at most `maxRestarts` restarts within `windowMs`
 * (5 in 10 minutes, vscode-xml's policy for lemminx); the crash after that stops it for good.
 * Owned by the extension host thread.
 */
export class RestartPolicy {
    private readonly crashes: number[] = [];

    constructor(
        readonly maxRestarts = 5,
        readonly windowMs = 10 * 60_000,
        private readonly now: () => number = Date.now,
    ) {}

    /** Records a crash now; true when the server should be restarted. */
    recordCrash(): boolean {
        const t = this.now();
        this.crashes.push(t);
        while (this.crashes.length > 0 && this.crashes[0] <= t - this.windowMs) {
            this.crashes.shift();
        }
        return this.crashes.length <= this.maxRestarts;
    }
}
