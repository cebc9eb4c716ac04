{-# LANGUAGE OverloadedStrings #-}
-- | Counts the tags of a blog's posts.
module Main (main) where

import qualified Data.Map.Strict as Map
import Data.Char (isSpace, toLower)
import Data.List (sortBy)
import Data.Ord (comparing, Down (..))
import System.Environment (getArgs)

data Post = Post
  { title :: String
  , tags  :: [String]
  , views :: !Int
  } deriving (Show, Eq)

newtype Count = Count Int deriving (Show)

class Describe a where
  describe :: a -> String

instance Describe Post where
  describe p = title p ++ " (" ++ show (length (tags p)) ++ " tags)"

trim :: String -> String
trim = f . f
  where f = reverse . dropWhile isSpace

parseTags :: String -> [String]
parseTags line = case break (== ',') line of
  (t, [])       -> [normal t | not (null (trim t))]
  (t, _ : rest) -> normal t : parseTags rest
  where normal = map toLower . trim

tagCounts :: [Post] -> Map.Map String Int
tagCounts posts = Map.fromListWith (+) [(t, 1) | p <- posts, t <- tags p]

main :: IO ()
main = do
  args <- getArgs
  let posts = [ Post "Hello" (parseTags "haskell, fp") 10
              , Post "Monads" (parseTags "Haskell") 0x20 ]
      ratio = 0.5 :: Double
  mapM_ (putStrLn . describe) posts
  let counts = sortBy (comparing (Down . snd)) (Map.toList (tagCounts posts))
  if null args
    then mapM_ (\(t, n) -> putStrLn (t ++ ": " ++ show n)) counts
    else putStrLn $ "ratio " ++ show ratio ++ " " ++ ['x']
