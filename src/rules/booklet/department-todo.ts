import { z } from 'zod';
import { findTodoMarkers } from '../../departments/todo-markers.js';
import { defineBookletRule } from './booklet-rule.js';

/** A department file made by `livret init-department` is not printed until its TODO markers are filled in. */
export const departmentTodo = defineBookletRule({
  id: 'department-todo',
  description: 'The department file has no TODO marker left.',
  severity: 'error',
  options: z.strictObject({}),
  check: ({ projectRoot, booklet }) =>
    findTodoMarkers(projectRoot, booklet.department.code).map(({ file, line, column, message }) => ({ file, line, column, message })),
});
