import { conflictError, updateError } from '../../../server/store/update-rules';

// MongoDB's refusals beyond those the conformance suite drives through the SDK.
describe('what MongoDB refuses in an update', () => {
  const doc = { _id: 'd', list: [{ a: 1 }], tags: 's', n: 1, at: new Date(0), note: null };

  it('walks arrays by index only', () => {
    expect(updateError(doc, { $set: { 'list.0.b': 1 } })).toBeNull();
    expect(updateError(doc, { $set: { 'list.x': 1 } })).toBe("Cannot create field 'x' in element {list: [ { a: 1 } ]}");
    expect(updateError(doc, { $set: { 'at.x': 1 } })).toBe("Cannot create field 'x' in element {at: new Date(0)}");
  });

  it('refuses array operators on other types, and leaves removals through null alone', () => {
    expect(updateError(doc, { $addToSet: { tags: 'x' } })).toBe("Cannot apply $addToSet to non-array field. Field named 'tags' has non-array type string");
    expect(updateError(doc, { $pull: { tags: 'x' } })).toBe('Cannot apply $pull to a non-array value');
    expect(updateError(doc, { $pop: { n: 1 } })).toBe("Path 'n' contains an element of non-array type 'int'");
    expect(updateError(doc, { $unset: { 'note.x': '' }, $pull: { 'note.y': 1 } })).toBeNull();
    expect(updateError(doc, { $mul: { tags: 2 } })).toMatch(/Cannot apply \$mul to a value of non-numeric type.*string/);
  });

  it('lets _id be set to its own value only', () => {
    expect(updateError(doc, { $set: { _id: 'd' } })).toBeNull();
    expect(updateError(doc, { $set: { _id: 'e' } })).toBe("Performing an update on the path '_id' would modify the immutable field '_id'");
    expect(updateError(doc, { $unset: { _id: '' } })).toMatch(/immutable field '_id'/);
  });

  it('finds conflicting paths among few and among many', () => {
    expect(conflictError(['a.b', 'a.bc', 'ab'])).toBeNull();
    expect(conflictError(['a.b.c', 'x', 'a.b'])).toBe("Updating the path 'a.b.c' would create a conflict at 'a.b'");
    const many = Array.from({ length: 40 }, (_, i) => `f${i}.x`);
    expect(conflictError(many)).toBeNull();
    expect(conflictError([...many, 'f7'])).toBe("Updating the path 'f7.x' would create a conflict at 'f7'");
    expect(conflictError([...many, 'f3.x'])).toBe("Updating the path 'f3.x' would create a conflict at 'f3.x'");
  });
});
