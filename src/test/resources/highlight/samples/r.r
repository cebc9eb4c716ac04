# Views per tag, from the blog's analytics export.
library(dplyr)
library(ggplot2)

read_views <- function(path, min_views = 10L) {
  raw <- read.csv(path, stringsAsFactors = FALSE)
  stopifnot(is.data.frame(raw), nrow(raw) > 0)
  raw %>%
    filter(views >= min_views, !is.na(tag)) %>%
    mutate(tag = tolower(trimws(tag)),
           date = as.Date(date, format = "%Y-%m-%d"))
}

summarise_tags <- function(views, top = 10) {
  views %>%
    group_by(tag) %>%
    summarise(total = sum(views), posts = n_distinct(slug), .groups = "drop") %>%
    arrange(desc(total)) %>%
    head(top)
}

views <- read_views("analytics/views.csv")
tags <- summarise_tags(views)

if (nrow(tags) == 0) {
  warning("no tag has enough views")
} else {
  for (i in seq_len(nrow(tags))) {
    cat(sprintf("%-15s %6d\n", tags$tag[i], tags$total[i]))
  }
}

share <- tags$total / sum(tags$total) * 100
names(share) <- tags$tag
ratio = 0.5e-1
flags <- c(TRUE, FALSE, NA, Inf, NULL)

ggplot(tags, aes(x = reorder(tag, total), y = total)) +
  geom_col(fill = "#0550ae") +
  coord_flip() +
  labs(x = NULL, y = 'Views', title = "Views per tag")
x <- sapply(1:5, function(n) n^2)
