import { languageClientMock } from '../support/harness';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OpenKbErrorHandler } from '../../client/errorHandler';
import { RestartPolicy } from '../../client/restartPolicy';

const MINUTE = 60_000;

function clock(start = 0) {
    let now = start;
    return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('restarts five times within ten minutes and gives up on the sixth crash', () => {
    const c = clock();
    const policy = new RestartPolicy(5, 10 * MINUTE, c.now);
    const decisions = [];
    for (let i = 0; i < 6; i++) {
        decisions.push(policy.recordCrash());
        c.advance(MINUTE);
    }
    assert.deepEqual(decisions, [true, true, true, true, true, false]);
});

test('crashes older than the window no longer count', () => {
    const c = clock();
    const policy = new RestartPolicy(5, 10 * MINUTE, c.now);
    for (let i = 0; i < 20; i++) {
        assert.equal(policy.recordCrash(), true, `crash ${i + 1}`);
        c.advance(3 * MINUTE);
    }
});

test('the error handler restarts, then stops with a message and tells the status bar', () => {
    const c = clock();
    let gaveUp = 0;
    const handler = new OpenKbErrorHandler(new RestartPolicy(5, 10 * MINUTE, c.now), () => gaveUp++);
    for (let i = 0; i < 5; i++) {
        assert.equal(handler.closed().action, languageClientMock.CloseAction.Restart);
    }
    const last = handler.closed();
    assert.equal(last.action, languageClientMock.CloseAction.DoNotRestart);
    assert.match(last.message ?? '', /stopped 6 times in 10 minutes and will not be restarted/);
    assert.equal(gaveUp, 1);
});

test('connection errors are tolerated three times, then the connection is shut down', () => {
    const handler = new OpenKbErrorHandler(new RestartPolicy(), () => undefined);
    assert.equal(handler.error(new Error('x'), undefined, 3).action, languageClientMock.ErrorAction.Continue);
    assert.equal(handler.error(new Error('x'), undefined, 4).action, languageClientMock.ErrorAction.Shutdown);
});
