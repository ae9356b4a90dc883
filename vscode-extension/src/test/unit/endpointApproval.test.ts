import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { approvalQuestion, refusalInError, refusalInText, refusedFiles } from '../../client/endpointApproval';

const message =
    "ENDPOINT_NOT_APPROVED: /home/u/kb/.openkb/config.yaml: the KB's LLM endpoint https://llm.example.com/v1 is not approved " +
    'for your API key; run: openkb trust --kb /home/u/kb';

describe('the server\'s refusal of an unapproved LLM endpoint', () => {
    test('names the endpoint', () => {
        assert.deepEqual(refusalInText(message), { endpoint: 'https://llm.example.com/v1' });
    });

    test('a message that names no endpoint is still a refusal', () => {
        assert.deepEqual(refusalInText('ENDPOINT_NOT_APPROVED: /k/.openkb/config.yaml: run: openkb trust --kb /k'), {});
    });

    test('other failures are not refusals', () => {
        assert.equal(refusalInText('COMPILE_FAILED: x: the provider refused the request (HTTP 401): check LLM_API_KEY'), undefined);
        assert.equal(refusalInError(new Error('KB is locked')), undefined);
    });

    test('a failed request is recognised by data.code even when its message says little', () => {
        assert.deepEqual(refusalInError({ message: 'refused', data: { code: 'ENDPOINT_NOT_APPROVED' } }), {});
        assert.deepEqual(refusalInError({ message, data: { code: 'ENDPOINT_NOT_APPROVED' } }), refusalInText(message));
    });

    test('an add result yields the refused files only', () => {
        const found = refusedFiles({
            added: 1,
            skipped: 0,
            failed: 2,
            cancelled: 0,
            files: [
                { uri: 'file:///d/a.pdf', status: 'failed', reason: message },
                { uri: 'file:///d/b.pdf', status: 'failed', reason: 'CONVERSION_FAILED: b.pdf: encrypted' },
                { uri: 'file:///d/c.md', status: 'added' },
            ],
            unsupported: 0,
            summary: '1 added, 2 failed',
        });
        assert.deepEqual(found, { refusal: { endpoint: 'https://llm.example.com/v1' }, uris: ['file:///d/a.pdf'] });
    });

    test('the modal asks in the words of the issue', () => {
        assert.equal(approvalQuestion({ endpoint: 'https://x/v1' }), 'Allow this knowledge base to send your API key to https://x/v1?');
    });
});
