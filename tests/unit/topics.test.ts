import { describe, expect, it } from 'vitest';
import { relatedTopics } from '../../src/lib/topics.ts';
import { makeArticle } from './make-article.ts';

const t = (id: string) => ({ id, name: id[0]!.toUpperCase() + id.slice(1) });

describe('relatedTopics', () => {
  it('lists the other topics of the stories, most shared first, then by name, without the topic itself', () => {
    const stories = [
      makeArticle({ id: 'a', topics: [t('elections'), t('hong-kong'), t('politics')] }),
      makeArticle({ id: 'b', topics: [t('politics'), t('elections'), t('virginia')] }),
      makeArticle({ id: 'c', topics: [t('elections'), t('united-states'), t('virginia'), t('politics')] }),
    ];
    expect(relatedTopics('elections', stories, 'en-GB').map((r) => [r.topic.id, r.shared])).toEqual([
      ['politics', 3], ['virginia', 2], ['hong-kong', 1], ['united-states', 1],
    ]);
    expect(relatedTopics('elections', stories, 'en-GB', 2)).toHaveLength(2);
    expect(relatedTopics('elections', [], 'en-GB')).toEqual([]);
  });
});
