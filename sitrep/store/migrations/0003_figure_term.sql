-- 0003_figure_term: the finer reporting term of a figure ("sub" marks a sub-count of the figure before it).
ALTER TABLE figures ADD COLUMN term TEXT
